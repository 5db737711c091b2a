public import DKEngine

/// What the filter does with one message.
public enum FilterDecision: Sendable, Hashable {
  /// Queue it with these bytes (whole header lines, possibly none) above it.
  case queue(headers: [UInt8])
  /// Refuse it by policy: write `text` (`D…` or `Z…`) to fd 4 and exit 82.
  case reject(text: String)
  /// Refuse it for now because something went wrong (a temporary qmail-queue code).
  case fail(FilterFailure)
}

/// The decision about one message, with the mode that led to it and notes for the log.
public struct FilterResult: Sendable {
  /// The mode qmail-dk's rules chose from the environment.
  public let mode: QmailDKMode
  /// What to do.
  public let decision: FilterDecision
  /// What happened, one phrase each, for a DKDEBUG log.
  public let notes: [String]

  /// Creates a result.
  public init(mode: QmailDKMode, decision: FilterDecision, notes: [String] = []) {
    self.mode = mode
    self.decision = decision
    self.notes = notes
  }
}
