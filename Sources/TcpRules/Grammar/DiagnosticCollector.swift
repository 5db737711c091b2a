import ToasterSupport

/// Gathers the diagnostics of rejected lines, keeping the first `limit`.
struct DiagnosticCollector {
  /// The most diagnostics reported; the rest are only counted.
  static let limit = 20

  private(set) var diagnostics: [Diagnostic] = []
  private var omitted = 0
  private let path: String

  init(path: String) {
    self.path = path
  }

  /// Whether no line was rejected.
  var isEmpty: Bool { diagnostics.isEmpty }

  /// Records that line `number` (bytes `line`) was rejected for `problem`.
  mutating func add(_ problem: LineProblem, line: UnsafeBufferPointer<UInt8>, number: Int) {
    guard diagnostics.count < Self.limit else {
      omitted += 1
      return
    }
    diagnostics.append(problem.diagnostic(line: line, number: number, path: path))
  }

  /// The syntax error to throw, or nil when every line was accepted.
  var error: TcpRulesError? {
    guard let last = diagnostics.last else { return nil }
    guard omitted > 0 else { return .syntax(diagnostics) }
    let note = Diagnostic(
      location: last.location, severity: .note,
      message: "\(omitted) more rejected \(omitted == 1 ? "line" : "lines") not shown")
    return .syntax(diagnostics + [note])
  }
}
