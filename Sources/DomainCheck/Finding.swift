/// One thing `domain check` found about a record, with how much it matters.
public struct Finding: Sendable, Hashable {
  /// How much a finding matters, in increasing order.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// A fact worth showing (TTL, CNAME, the tcp.smtp line that uses a selector).
    case info
    /// Works today, but receivers may treat it badly or it will bite later.
    case warning
    /// A temporary DNS failure stood in the way: ask again later.
    case temporary
    /// Published wrong or not at all: receivers cannot verify the mail.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
      switch self {
      case .info: 0
      case .warning: 1
      case .temporary: 2
      case .error: 3
      }
    }
  }

  /// How much it matters.
  public let severity: Severity
  /// A stable name for scripts (`different-key`, `testing`, `udp-size`, …).
  public let code: String
  /// What was found, as a lower-case phrase, with the fix where there is one.
  public let message: String

  /// Creates a finding.
  public init(_ severity: Severity, _ code: String, _ message: String) {
    self.severity = severity
    self.code = code
    self.message = message
  }
}

extension [Finding] {
  /// The most serious severity, or nil for no findings.
  var worst: Finding.Severity? { map(\.severity).max() }
}
