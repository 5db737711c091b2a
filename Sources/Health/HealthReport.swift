import KeyStore
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
    /// Works, but less than it could (t=y, mail leaving unsigned): shown with its fix,
    /// without changing the exit status.
    case warning
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
    /// What DNS serves for it, as `domain check` judges it (checked for signing
    /// selectors only).
    public let record: String?
  }

  /// One domain of the key directory.
  public struct Domain: Sendable {
    /// The domain.
    public let name: String
    /// The real domain, for an alias.
    public let aliasOf: String?
    /// Its keys.
    public let keys: [Key]
    /// The DMARC policy published (`p=none`), `none` without one, nil when not asked.
    public let dmarc: String?
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
  public let remote: RemoteChain
  /// Whether bounces and locally injected mail are signed, in a few words.
  public let unsignedMail: String
  /// The rotation in progress, if any.
  public let rotation: RotationState?
  /// Every problem found, each with its fix.
  public let problems: [Problem]

  /// The exit status a monitoring script gets: 0 all good (warnings aside), 1 something
  /// wrong, 75 only temporary DNS trouble.
  public var exitStatus: Int32 {
    if problems.contains(where: { $0.severity == .error }) { return 1 }
    return problems.contains { $0.severity == .temporary } ? 75 : 0
  }
}
