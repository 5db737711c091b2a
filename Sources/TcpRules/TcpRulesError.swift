import ToasterSupport

/// Why a `tcp.smtp` operation failed.
public enum TcpRulesError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Lines tcprules would reject, each located; capped at `DiagnosticCollector.limit`, with
  /// a final note counting the rest.
  case syntax([Diagnostic])
  /// An explicitly selected address has no rule in the file.
  case unknownAddress(String)
  /// The selector matched no rule that may be edited.
  case noMatchingRules(String)
  /// A variable name that cannot be written to a rule.
  case invalidName(String, reason: String)
  /// A value that cannot be written to a rule.
  case invalidValue(name: String, reason: String)
  /// An edit whose result tcprules would read differently (or reject).
  case wouldNotParse(line: Int)
  /// The cdb path names the rules file or its backup (by name or by inode).
  case cdbIsRulesFile(cdb: String, file: String)
  /// A write of an edit failed; `state` says what each file holds now.
  case editNotApplied(SystemError, state: String)
  /// An edit that would do harm, refused unless forced.
  case refused(action: String, reason: String)

  public var description: String {
    switch self {
    case .syntax(let diagnostics):
      let errors = diagnostics.filter { $0.severity == .error }
      let path = errors.first?.location.path ?? "rules"
      let lines = errors.count == 1 ? "1 line" : "\(errors.count) lines"
      let first = errors.first.map { ": first at line \($0.location.line): \($0.message)" } ?? ""
      return "unable to parse \(path): tcprules rejects \(lines)\(first)"
    case .unknownAddress(let address):
      return "unable to find a rule for address \(address)"
    case .noMatchingRules(let selector):
      return "unable to edit: no \(selector)"
    case .invalidName(let name, let reason):
      return "invalid variable name \(name): \(reason)"
    case .invalidValue(let name, let reason):
      return "invalid value for \(name): \(reason)"
    case .wouldNotParse(let line):
      return "unable to edit line \(line): tcprules would not read the result as intended"
    case .cdbIsRulesFile(let cdb, let file):
      return "unable to compile into \(cdb): it is \(file), which the cdb would overwrite"
    case .editNotApplied(let error, let state):
      return "\(error); \(state)"
    case .refused(let action, let reason):
      return "refusing to \(action): \(reason)"
    }
  }
}
