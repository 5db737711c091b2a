/// The usual DER forms of RSA and Ed25519 keys, taken apart without OpenSSL's decoders.
///
/// OpenSSL 3 decodes every key through its generic `OSSL_DECODER` machinery, which costs more
/// per process than the RSA operation itself. The forms below cover what dknewkey, OpenSSL
/// and DNS records hold; anything else answers nil and goes through OpenSSL's decoders.
enum KeyDER {
  // AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 8017 §A.1).
  private static let rsaEncryption: [UInt8] = [
    0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00,
  ]
  // PKCS#8 v1 of an Ed25519 key up to the 32-byte seed (RFC 8410 §7).
  private static let ed25519PKCS8Prefix: [UInt8] = [
    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04,
    0x20,
  ]
  private static let versionZero: [UInt8] = [0x02, 0x01, 0x00]

  /// The modulus and public exponent of an RSA SubjectPublicKeyInfo (RFC 5280 §4.1).
  static func rsaPublicNumbers(subjectPublicKeyInfo der: [UInt8]) -> [ArraySlice<UInt8>]? {
    var outer = DERReader(der[...])
    guard let info = outer.read(tag: 0x30), outer.isAtEnd else { return nil }
    var reader = DERReader(info)
    // The BIT STRING's first byte counts unused bits, zero for a DER structure inside.
    guard reader.read(exactly: rsaEncryption), let bits = reader.read(tag: 0x03), reader.isAtEnd,
      bits.first == 0
    else { return nil }
    return sequenceOfIntegers(bits.dropFirst(), count: 2)
  }

  /// The eight numbers of a two-prime PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2), in its order:
  /// n, e, d, p, q, d mod (p-1), d mod (q-1), q⁻¹ mod p.
  static func rsaPrivateNumbers(pkcs1 der: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
    var outer = DERReader(der)
    guard let body = outer.read(tag: 0x30), outer.isAtEnd else { return nil }
    var reader = DERReader(body)
    guard reader.read(exactly: versionZero) else { return nil }
    return integers(&reader, count: 8)
  }

  /// The RSA numbers of a PKCS#8 v1 PrivateKeyInfo (RFC 5208 §5) without attributes.
  static func rsaPrivateNumbers(pkcs8 der: [UInt8]) -> [ArraySlice<UInt8>]? {
    var outer = DERReader(der[...])
    guard let info = outer.read(tag: 0x30), outer.isAtEnd else { return nil }
    var reader = DERReader(info)
    guard reader.read(exactly: versionZero), reader.read(exactly: rsaEncryption),
      let key = reader.read(tag: 0x04), reader.isAtEnd
    else { return nil }
    return rsaPrivateNumbers(pkcs1: key)
  }

  /// The 32-byte seed of an Ed25519 PKCS#8 v1 PrivateKeyInfo, the form OpenSSL writes.
  static func ed25519Seed(pkcs8 der: [UInt8]) -> [UInt8]? {
    guard der.count == ed25519PKCS8Prefix.count + 32, der.starts(with: ed25519PKCS8Prefix) else {
      return nil
    }
    return Array(der.suffix(32))
  }

  private static func sequenceOfIntegers(_ bytes: ArraySlice<UInt8>, count: Int)
    -> [ArraySlice<UInt8>]?
  {
    var outer = DERReader(bytes)
    guard let body = outer.read(tag: 0x30), outer.isAtEnd else { return nil }
    var reader = DERReader(body)
    return integers(&reader, count: count)
  }

  // Exactly `count` positive INTEGERs and nothing after them.
  private static func integers(_ reader: inout DERReader, count: Int) -> [ArraySlice<UInt8>]? {
    var numbers: [ArraySlice<UInt8>] = []
    for _ in 0..<count {
      guard let number = reader.readPositiveInteger() else { return nil }
      numbers.append(number)
    }
    return reader.isAtEnd ? numbers : nil
  }
}
