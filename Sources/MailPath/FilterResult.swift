public import DKEngine

/// What the filter does with one message.
public enum FilterDecision: Sendable, Hashable {
  /// Queue it with `headers` (whole header lines, possibly none) above it, and without the
  /// byte ranges in `omitting` (whole header fields: Authentication-Results claiming this
  /// host's authserv-id).
  case queue(headers: [UInt8], omitting: [Range<Int>] = [])
  /// Refuse it by policy: write `text` (`D…` or `Z…`) to fd 4 and exit 82.
  case reject(text: String)
  /// Refuse it for now because something went wrong (a temporary qmail-queue code).
  case fail(FilterFailure)
}

extension FilterDecision {
  /// The ranges of `count` bytes that are left when `omitting` (sorted, not overlapping)
  /// is cut out, in order.
  public static func keptRanges(of count: Int, omitting: [Range<Int>]) -> [Range<Int>] {
    var kept: [Range<Int>] = []
    var start = 0
    for range in omitting.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if range.lowerBound > start { kept.append(start..<min(range.lowerBound, count)) }
      start = max(start, range.upperBound)
    }
    if start < count { kept.append(start..<count) }
    return kept
  }
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
