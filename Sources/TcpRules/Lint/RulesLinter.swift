import ToasterSupport

/// Finds mistakes in `tcp.smtp` that tcprules accepts silently, plus the lines it rejects.
public struct RulesLinter {
  /// One rule line with the offsets the checks point at.
  struct RuleLine {
    let number: Int
    let bytes: [UInt8]
    let rule: Rule
    let scanned: ScannedRule
    let assignments: [ScannedAssignment]
  }

  let path: String
  let options: LintOptions
  /// When set, only the settings checks for this variable run, on these lines.
  var focus: (name: [UInt8], lines: Set<Int>)?
  var diagnostics: [Diagnostic] = []
  /// The first line that writes each key, to find rules that can never win.
  var keyOwners: [LintKey: Int] = [:]
  private var reportedCR = false

  /// Lints `bytes`; `path` names the file in diagnostics.
  ///
  /// Returns errors for lines tcprules rejects (as `RulesFile.parse` reports them, not
  /// capped), and warnings and notes for accepted lines that do not do what they seem to.
  public static func lint(_ bytes: [UInt8], path: String, options: LintOptions = LintOptions())
    -> [Diagnostic]
  {
    var linter = RulesLinter(path: path, options: options)
    // About one key per 10 bytes in large generated files; avoids rehashing as it grows.
    linter.keyOwners.reserveCapacity(bytes.count / 10)
    bytes.withUnsafeBufferPointer { buffer in
      LineScanner.forEachLine(in: buffer) { line, number, _ in
        linter.lint(line: Array(line), number: number)
      }
    }
    return linter.diagnostics
  }

  /// The settings checks for variable `name` on `lines` only: what an edit that writes
  /// `name` there should say, from the same checks `lint` runs.
  public static func settingDiagnostics(
    _ bytes: [UInt8], path: String, name: String, lines: Set<Int>,
    options: LintOptions = LintOptions()
  ) -> [Diagnostic] {
    var linter = RulesLinter(path: path, options: options)
    linter.focus = (Array(name.utf8), lines)
    bytes.withUnsafeBufferPointer { buffer in
      LineScanner.forEachLine(in: buffer) { line, number, _ in
        guard lines.contains(number) else { return }
        linter.lint(line: Array(line), number: number)
      }
    }
    return linter.diagnostics
  }

  private mutating func lint(line bytes: [UInt8], number: Int) {
    var assignments: [ScannedAssignment] = []
    let scan = bytes.withUnsafeBufferPointer { LineScanner.scan($0, assignments: &assignments) }
    switch scan {
    case .blank:
      return
    case .comment:
      checkCarriageReturn(bytes, number: number)
    case .ignored:
      checkIgnored(bytes, number: number)
    case .invalid(let problem):
      diagnostics.append(
        bytes.withUnsafeBufferPointer {
          problem.diagnostic(line: $0, number: number, path: path)
        })
    case .rule(let scanned):
      let kind = bytes.withUnsafeBufferPointer {
        RulesFile.lineKind(scan, line: $0, assignments: assignments)
      }
      guard case .rule(let rule) = kind else { return }
      let line = RuleLine(
        number: number, bytes: bytes, rule: rule, scanned: scanned, assignments: assignments)
      if focus == nil { checkAddress(line) }
      checkSettings(line)
    }
  }

  private mutating func checkCarriageReturn(_ bytes: [UInt8], number: Int) {
    guard !reportedCR, bytes.last == 0x0D else { return }
    reportedCR = true
    report(
      .warning, bytes, number, column: bytes.count,
      "line ends in CR: the file has DOS (CRLF) line endings, and tcprules rejects every rule in it",
      hint: "convert with dos2unix")
  }

  private mutating func checkIgnored(_ bytes: [UInt8], number: Int) {
    let text = bytes.drop { $0 == 0x20 || $0 == 0x09 }
    if text.isEmpty { return }
    if text == [0x0D] { return checkCarriageReturn(bytes, number: number) }
    let column = bytes.count - text.count + 1
    if text.first == LineScanner.hash {
      report(
        .warning, bytes, number, column: column,
        "indented comment: tcprules skips it only because it has no colon",
        hint: "start comments with # in column 1")
    } else {
      report(
        .warning, bytes, number, column: column, "tcprules ignores this line: it has no colon",
        hint: "a rule is ADDRESS:allow or ADDRESS:deny; comments start with # in column 1")
    }
  }

  /// Appends a diagnostic located on line `number` at 1-based `column`.
  mutating func report(
    _ severity: Diagnostic.Severity, _ bytes: [UInt8], _ number: Int, column: Int,
    _ message: String, hint: String? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        location: SourceLocation(path: path, line: number, column: column), severity: severity,
        message: message, hint: hint, sourceLine: bytes))
  }
}
