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
  public static let defaultSignTemplate = "/var/qmail/control/domainkeys/%/default"

  /// Takes qmail-dk's four variables and DKSIGN_ED25519 from `variables` (other names are
  /// ignored).
  public init(_ variables: [String: String]) {
    relayClient = variables["RELAYCLIENT"]
    dkSign = variables["DKSIGN"]
    dkVerify = variables["DKVERIFY"]
    dkQueue = variables["DKQUEUE"]
    dkSignEd25519 = variables[QmailDK.ed25519Variable]
  }

  /// What qmail-dk 0.6.beta.2 does with a message under this environment.
  ///
  /// With RELAYCLIENT it signs with DKSIGN, verifies when only DKVERIFY is set, and signs
  /// with `domainkeys/%/default` when neither is; without RELAYCLIENT it verifies when
  /// DKVERIFY is set and otherwise passes the message through untouched.
  public var mode: QmailDKMode {
    if relayClient != nil {
      if let dkSign { return .sign(template: dkSign) }
      if let dkVerify { return .verify(letters: dkVerify) }
      return .sign(template: Self.defaultSignTemplate)
    }
    if let dkVerify { return .verify(letters: dkVerify) }
    return .passThrough
  }
}

/// Which of its three jobs qmail-dk does for a message.
public enum QmailDKMode: Sendable, Hashable, CustomStringConvertible {
  /// Sign with the key at the template path.
  case sign(template: String)
  /// Verify, rejecting statuses whose letters are listed.
  case verify(letters: String)
  /// Pass the message to the queue untouched (libdomainkeys is not used at all).
  case passThrough

  /// Whether qmail-dk verifies in this mode.
  public var isVerify: Bool {
    if case .verify = self { return true }
    return false
  }

  /// `sign with …`, `verify with DKVERIFY=…` or `pass through`.
  public var description: String {
    switch self {
    case .sign(let template): "sign with \(template)"
    case .verify(let letters): "verify with DKVERIFY=\(letters)"
    case .passThrough: "pass through (no RELAYCLIENT, no DKVERIFY)"
    }
  }
}
