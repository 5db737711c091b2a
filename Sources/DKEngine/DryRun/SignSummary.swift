/// What `test-sign` found for one message, the fields `test-sign --json` writes.
public struct SignSummary: Sendable {
  /// One key that signed.
  public struct Key: Sendable {
    /// The signing domain (d=).
    public let domain: String
    /// The selector (s=).
    public let selector: String
    /// Where the key was read from (empty for a key given with `--key`).
    public let keyPath: String
    /// `rsa` or `ed25519`.
    public let algorithm: String
    /// The key size in bits.
    public let bits: Int
  }

  /// The message's file name as given.
  public let path: String
  /// `signed`, `unsigned` (queued unsigned), `rejected` or `verifies` (this client's rule
  /// verifies rather than signs).
  public let outcome: String
  /// The keys that signed, in the order of their signatures.
  public let keys: [Key]
  /// The DKSIGN template qmail-dk would use, when the environment decided.
  public let template: String?
  /// The SMTP reply of a refusal.
  public let smtpReply: String?
  /// The header fields prepended to the message (empty unless signed).
  public let headers: String
  /// The self-check, as `test-verify --json` reports a message.
  public let selfCheck: VerifySummary?
  /// The signatures the self-check could not verify (`domainkeys`, `dkim#N`).
  public let failedSignatures: [String]

  /// Whether qmail-dk would refuse the message or the self-check failed.
  public var isNegative: Bool { outcome == "rejected" || !failedSignatures.isEmpty }

  /// The summary of `report` for the message at `path`.
  public init(_ report: SignReport, path: String) {
    self.path = path
    switch report.outcome {
    case .signed: (outcome, smtpReply) = ("signed", nil)
    case .unsigned: (outcome, smtpReply) = ("unsigned", nil)
    case .rejected(_, let reply): (outcome, smtpReply) = ("rejected", reply)
    case .verifiesInstead: (outcome, smtpReply) = ("verifies", nil)
    }
    keys = report.keys.map {
      Key(
        domain: $0.domain, selector: $0.selector, keyPath: $0.path,
        algorithm: $0.key.algorithm.rawValue, bits: $0.key.bits)
    }
    template = report.template
    headers = String(decoding: report.headers, as: UTF8.self)
    selfCheck = report.selfCheck.map { VerifySummary($0, path: path) }
    failedSignatures = report.selfCheckFailures
  }
}
