/// The outcome of verifying a message's DomainKey-Signature.
public struct DomainKeysResult: Sendable, Hashable {
  /// The status libdomainkeys 0.69 reports for the whole message.
  public let status: DKStatus
  /// The status qmail-dk 0.6 ends with, which differs when reading stopped early.
  ///
  /// qmail-dk 0.6 stops feeding libdomainkeys at the first syntax error while reading and
  /// takes `dk_eom`'s answer: an unsigned message ends as NOSIG, a signed one as BADSIG
  /// (hashing stopped early).
  public let qmailDKStatus: DKStatus
  /// Why, in a lower-case phrase (`signature verified`, `second From: field`, …).
  public let reason: String
  /// The signing domain (d=), when a signature was read.
  public let domain: String?
  /// The selector (s=), when a signature was read.
  public let selector: String?
  /// The canonicalization (c=), when a signature was read.
  public let canonicalization: Canonicalization?
  /// Whether the key record is in testing mode (t=y); the signature is still judged.
  public let testing: Bool

  init(
    _ status: DKStatus, _ reason: String, qmailDK: DKStatus? = nil,
    signature: DomainKeysSignatureTags? = nil, testing: Bool = false
  ) {
    self.status = status
    self.qmailDKStatus = qmailDK ?? status
    self.reason = reason
    domain = signature?.domain
    selector = signature?.selector
    canonicalization = signature?.canonicalization
    self.testing = testing
  }

  /// The header qmail-dk 0.6 would prepend: `DomainKey-Status: ` and 12 characters.
  public var statusHeader: String { qmailDKStatus.statusHeader }
}
