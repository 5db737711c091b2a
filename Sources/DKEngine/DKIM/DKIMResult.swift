/// The outcome of verifying one DKIM-Signature field (RFC 6376 §6.1, RFC 8601 words).
public struct DKIMResult: Sendable, Hashable {
  /// Why a signature failed cryptographically.
  public enum Failure: String, Sendable, Hashable {
    /// The body hash (bh=) does not match the body.
    case bodyHash = "body hash did not verify"
    /// The signature (b=) does not verify over the signed header fields.
    case signature = "signature did not verify"
  }

  /// The verdict for one signature.
  public enum Verdict: Sendable, Hashable, CustomStringConvertible {
    /// The signature verified.
    case pass
    /// The signature was checked and is wrong.
    case fail(Failure)
    /// The signature cannot be checked and never will be (malformed, no key, revoked …).
    case permerror(String)
    /// The signature could not be checked now (key lookup failed temporarily).
    case temperror(String)
    /// The message has no DKIM-Signature.
    case none

    /// The verdict with its reason, such as `fail (body hash did not verify)`.
    public var description: String {
      switch self {
      case .pass: "pass"
      case .fail(let failure): "fail (\(failure.rawValue))"
      case .permerror(let reason): "permerror (\(reason))"
      case .temperror(let reason): "temperror (\(reason))"
      case .none: "none"
      }
    }

    /// The bare result word: `pass`, `fail`, `permerror`, `temperror` or `none`.
    public var word: String {
      switch self {
      case .pass: "pass"
      case .fail: "fail"
      case .permerror: "permerror"
      case .temperror: "temperror"
      case .none: "none"
      }
    }
  }

  /// The verdict.
  public let verdict: Verdict
  /// The parsed signature, when it parsed.
  public let signature: SignatureHeader?
  /// The size of the key used, in bits, when one was found.
  public let keyBits: Int?
  /// Whether the key record is in testing mode (t=y).
  public let testing: Bool
  /// Whether content follows the l= octets the signature covers (appended after signing).
  public let hasUnsignedBodyContent: Bool
  /// How many TXT records the key's name had (0 when the lookup failed).
  public let keyRecordCount: Int
  /// Which usable key (1 = the first) gave the verdict, when a key was found.
  public let keyUsed: Int?

  init(
    _ verdict: Verdict, signature: SignatureHeader? = nil, keyBits: Int? = nil,
    testing: Bool = false, hasUnsignedBodyContent: Bool = false, keyRecordCount: Int = 0,
    keyUsed: Int? = nil
  ) {
    self.keyRecordCount = keyRecordCount
    self.keyUsed = keyUsed
    self.verdict = verdict
    self.signature = signature
    self.keyBits = keyBits
    self.testing = testing
    self.hasUnsignedBodyContent = hasUnsignedBodyContent
  }

  /// Whether the signature passed with rsa-sha1, which RFC 8301 calls too weak to trust.
  public var isWeak: Bool { verdict == .pass && signature?.algorithm.isWeak == true }
}
