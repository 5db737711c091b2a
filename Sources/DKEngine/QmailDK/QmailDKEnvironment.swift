public import QmailDKConfig

/// Which of its three jobs qmail-dk does for a message (owned by `QmailDKConfig`).
public typealias QmailDKMode = QmailDKConfig.QmailDKMode

/// The environment variables that drive qmail-dk, as tcpserver sets them from tcp.smtp.
public struct QmailDKEnvironment: Sendable, Hashable {
  /// `RELAYCLIENT`: set for clients allowed to relay (their mail is signed).
  public var relayClient: String?
  /// `DKSIGN`: the private key path template (`%` becomes the sender's domain).
  public var dkSign: String?
  /// `DKVERIFY`: the status letters that reject a verified message.
  public var dkVerify: String?
  /// `DKQUEUE`: the queue program qmail-dk hands the message to.
  public var dkQueue: String?
  /// `DKSIGN_ED25519` (toaster-dk's, not qmail-dk's): the key template of a second,
  /// ed25519-sha256 DKIM signature wherever DKIM is signed; see `QmailDK.ed25519Key`.
  public var dkSignEd25519: String?

  /// The key template QMT 0.6.beta.2 signs with when DKSIGN and DKVERIFY are both unset.
  public static let defaultSignTemplate = QmailDKRules.builtInSignTemplate

  /// Takes qmail-dk's four variables and DKSIGN_ED25519 from `variables` (other names are
  /// ignored).
  public init(_ variables: [String: String]) {
    relayClient = variables[QmailDKRules.relayClient]
    dkSign = variables[QmailDKRules.dkSign]
    dkVerify = variables[QmailDKRules.dkVerify]
    dkQueue = variables[QmailDKRules.dkQueue]
    dkSignEd25519 = variables[QmailDKRules.dkSignEd25519]
  }

  /// What qmail-dk 0.6.beta.2 does with a message under this environment
  /// (`QmailDKRules.mode`).
  public var mode: QmailDKMode {
    QmailDKRules.mode(relayClient: relayClient, dkSign: dkSign, dkVerify: dkVerify)
  }
}
