public import KeyStore
public import MailPath
public import Rotation
public import TcpRules

/// The whole toaster's signing health, for `toaster-dk status`: keys, records, tcp.smtp,
/// the mail path and the rotation, with every problem and the command that fixes it.
public struct HealthReport: Sendable {
  /// How bad a problem is.
  public enum Severity: String, Sendable {
    /// Something is wrong.
    case error
    /// A DNS lookup failed for now; asking again later may work.
    case temporary
  }

  /// One thing to fix.
  public struct Problem: Sendable {
    /// How bad it is.
    public let severity: Severity
    /// What is wrong and what fixes it.
    public let text: String
  }

  /// One key of a domain.
  public struct Key: Sendable {
    /// The selector.
    public let selector: String
    /// `rsa 2048`, `ed25519`, or `unreadable`.
    public let spec: String
    /// Days since the key file last changed.
    public let ageDays: Int?
    /// True when a DKSIGN template signs with this selector.
    public let signs: Bool
    /// What DNS serves for it (checked for signing selectors only).
    public let published: PublishedRecord?
  }

  /// One domain of the key directory.
  public struct Domain: Sendable {
    /// The domain.
    public let name: String
    /// The real domain, for an alias.
    public let aliasOf: String?
    /// Its keys.
    public let keys: [Key]
  }

  /// The domains.
  public let domains: [Domain]
  /// tcp.smtp's rules with what they set for qmail-dk.
  public let rules: RulesReport?
  /// The selectors tcp.smtp signs with.
  public let signingSelectors: [String]
  /// What receives mail at bin/qmail-queue.
  public let queue: QueueChain
  /// What `bin/qmail-remote` is.
  public let remote: String
  /// The rotation in progress, if any.
  public let rotation: RotationState?
  /// Every problem found, each with its fix.
  public let problems: [Problem]

  /// The exit status a monitoring script gets: 0 all good, 1 something wrong, 75 only
  /// temporary DNS trouble.
  public var exitStatus: Int32 {
    if problems.contains(where: { $0.severity == .error }) { return 1 }
    return problems.isEmpty ? 0 : 75
  }
}
