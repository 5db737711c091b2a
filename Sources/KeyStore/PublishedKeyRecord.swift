public import LibCrypto

/// The selector record to publish at `<selector>._domainkey.<domain>`: one TXT value that
/// serves DomainKeys and DKIM alike.
///
/// The text is `v=DKIM1; k=rsa; p=<base64 DER SubjectPublicKeyInfo>` (RFC 6376 §3.6.1), or
/// `k=ed25519; p=<base64 raw key>` (RFC 8463), with `t=y` before `p=` while testing.
/// libdomainkeys and Mail::DKIM's DomainKeys verifier ignore `v=`, so no second record is
/// needed (RFC 6376 forbids two TXT records at one selector name anyway).
/// DKEngine will own the general tag-list model; this renders the one record we publish.
public struct PublishedKeyRecord: Equatable, Sendable {
  /// The key's algorithm (`k=`).
  public let algorithm: KeyAlgorithm
  /// The base64 `p=` value.
  public let publicKeyBase64: String
  /// True to add `t=y` (the domain is testing; verifiers must not treat failures harshly).
  public let testing: Bool

  /// Builds the record of `publicKey`.
  ///
  /// - Throws: `KeyStoreError.crypto` when the key cannot be encoded.
  public init(publicKey: PublicKey, testing: Bool) throws(KeyStoreError) {
    do {
      let bytes =
        publicKey.algorithm == .rsa
        ? try publicKey.subjectPublicKeyInfoDER() : try publicKey.ed25519Raw()
      self.init(
        algorithm: publicKey.algorithm, publicKeyBase64: Base64.encode(bytes), testing: testing)
    } catch {
      throw .crypto(error)
    }
  }

  /// Builds a record from an already encoded key.
  public init(algorithm: KeyAlgorithm, publicKeyBase64: String, testing: Bool) {
    self.algorithm = algorithm
    self.publicKeyBase64 = publicKeyBase64
    self.testing = testing
  }

  /// The TXT value (`v=DKIM1; k=rsa; p=MIIBIjAN…`).
  public var text: String {
    "v=DKIM1; k=\(algorithm.rawValue); " + (testing ? "t=y; " : "") + "p=\(publicKeyBase64)"
  }

  /// The `p=` value found in a record file's text (hand-made `public.txt` lines included),
  /// with whitespace and quotes removed, or nil when there is none.
  public static func publicKeyBase64(inRecordFile text: String) -> String? {
    var found: String?
    for segment in text.split(separator: ";") {
      let tag = segment.drop { $0.isWhitespace || $0 == "\"" || $0 == "(" }
      guard tag.hasPrefix("p=") else { continue }
      let value = tag.dropFirst(2).prefix { $0 != "\n" }
      found = String(value.filter { !$0.isWhitespace && $0 != "\"" && $0 != "(" && $0 != ")" })
    }
    return found
  }

  /// The absolute owner name a record-file line publishes at (`'s._domainkey.example.com:`
  /// from dknewkey's tinydns output), or nil when the file holds only a value or a
  /// relative name.
  public static func ownerName(inRecordFile text: String) -> String? {
    let bytes = Array(text.utf8)
    let marker = Array("._domainkey.".utf8)
    guard bytes.count > marker.count,
      let start = (0...(bytes.count - marker.count)).first(where: {
        bytes[$0..<($0 + marker.count)].elementsEqual(marker)
      })
    else { return nil }
    let isNameByte = { (byte: UInt8) in
      byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
    var first = start
    while first > 0, isNameByte(bytes[first - 1]) { first -= 1 }
    var end = start + marker.count
    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
    var name = String(decoding: bytes[first..<end], as: UTF8.self).lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    return name.hasSuffix("._domainkey") ? nil : name
  }
}
