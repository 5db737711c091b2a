/// A DomainKeys signature as qmail-dk 0.6 writes it.
public struct DomainKeysSignature: Sendable, Hashable {
  /// The signing domain (d=), case preserved from Sender:/From:.
  public let domain: String
  /// The selector (s=).
  public let selector: String
  /// The canonicalization (c=).
  public let canonicalization: Canonicalization
  /// The b= value: base64 of the RSA-SHA1 signature, unbroken.
  public let signature: String

  /// The `Comment:` line qmail-dk 0.6 writes above the signature.
  public static let commentLine = "Comment: DomainKeys? See http://antispam.yahoo.com/domainkeys"

  /// The DomainKey-Signature field in qmail-dk 0.6's layout: tags `a q c s d b`,
  /// continuation lines indented by two spaces, b= on one line.
  public func field(lineEnding: String = "\n") -> String {
    "DomainKey-Signature: a=rsa-sha1; q=dns; c=\(canonicalization.rawValue);" + lineEnding
      + "  s=\(selector); d=\(domain);" + lineEnding
      + "  b=\(signature);"
  }

  /// The exact bytes qmail-dk 0.6 prepends to the message: Comment: and DomainKey-Signature:.
  public func prependedHeaders(lineEnding: String = "\n") -> [UInt8] {
    Array((Self.commentLine + lineEnding + field(lineEnding: lineEnding) + lineEnding).utf8)
  }
}
