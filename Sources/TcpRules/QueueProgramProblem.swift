/// What is wrong with a DKQUEUE value on this system, as `RulesStore.queueProgramProblems`
/// finds it; `rules set-queue` and `rules lint` both report these.
public struct QueueProgramProblem: Equatable, Sendable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Kind: Equatable, Sendable {
    /// The program leads back to qmail-dk: mail would loop until the queue gives up.
    case loop
    /// The program does not exist: qmail-dk would fail to queue mail.
    case missing
  }

  /// The kind of problem.
  public let kind: Kind
  /// What happens, as a lowercase phrase.
  public let message: String
  /// What to do instead.
  public let hint: String?

  /// Creates a problem.
  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message); \($0)" } ?? message }
}
