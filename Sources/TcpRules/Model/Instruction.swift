/// What a rule does with a matching connection.
public enum Instruction: String, Equatable, Hashable, Sendable {
  /// Accept the connection (and set the rule's variables).
  case allow
  /// Drop the connection; tcprules stores this as the item `D` NUL.
  case deny
}
