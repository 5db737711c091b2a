/// What qmail-dk 0.6 does with a verified message under a `DKVERIFY` setting.
public enum DKVerifyDecision: Sendable, Hashable, CustomStringConvertible {
  /// The message is queued with its DomainKey-Status: header.
  case accept
  /// The message is refused with a 4xx reply (`Z… (#4.3.0)` on fd 4, exit 82).
  case temporaryReject
  /// The message is refused with a 5xx reply (`D… (#5.3.0)` on fd 4, exit 82).
  case permanentReject

  /// `accept`, `temporary reject` or `permanent reject`.
  public var description: String {
    switch self {
    case .accept: "accept"
    case .temporaryReject: "temporary reject"
    case .permanentReject: "permanent reject"
    }
  }

  /// The enhanced SMTP status code of a rejection (`4.3.0`, `5.3.0`), nil when accepted.
  public var enhancedStatusCode: String? {
    switch self {
    case .accept: nil
    case .temporaryReject: "4.3.0"
    case .permanentReject: "5.3.0"
    }
  }
}
