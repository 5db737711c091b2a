internal import COpenSSL

extension PrivateKey {
  /// The RSA sizes `generateRSA` accepts: RFC 8301's floor to what qmail-dk handles well.
  public static let rsaBitsRange = 1024...4096
  /// The RSA size to use when none is asked for (RFC 8301's recommendation).
  public static let defaultRSABits = 2048

  /// Generates an RSA key of `bits` (1024 to 4096) with public exponent 65537.
  ///
  /// - Throws: `LibCryptoError.invalidKeySize` outside 1024...4096, or an OpenSSL failure.
  public static func generateRSA(bits: Int) throws(LibCryptoError) -> PrivateKey {
    guard rsaBitsRange.contains(bits) else { throw .invalidKeySize(bits) }
    return try generate(algorithmName: "RSA", rsaBits: bits)
  }

  /// Generates an RSA key below RFC 8301's 1024-bit floor, for tests that prove such keys
  /// are rejected; never use it for a real key.
  ///
  /// Sizes OpenSSL 3 refuses to generate (under 512 bits) are built from two random primes.
  /// - Throws: `LibCryptoError.invalidKeySize` outside 256...4096, or an OpenSSL failure.
  public static func unsafeGenerateLegacyRSA(bits: Int) throws(LibCryptoError) -> PrivateKey {
    guard (256...4096).contains(bits), bits % 2 == 0 else { throw .invalidKeySize(bits) }
    if bits < 512 { return try LegacyRSAKeyBuilder.generate(bits: bits) }
    return try generate(algorithmName: "RSA", rsaBits: bits)
  }

  /// Generates an Ed25519 key.
  ///
  /// - Throws: `LibCryptoError.openssl` when generation fails.
  public static func generateEd25519() throws(LibCryptoError) -> PrivateKey {
    try generate(algorithmName: "ED25519", rsaBits: nil)
  }

  private static func generate(algorithmName: String, rsaBits: Int?) throws(LibCryptoError)
    -> PrivateKey
  {
    OpenSSLErrorQueue.clear()
    guard let context = EVP_PKEY_CTX_new_from_name(nil, algorithmName, nil) else {
      throw OpenSSLErrorQueue.error("create \(algorithmName.lowercased()) key generator")
    }
    defer { EVP_PKEY_CTX_free(context) }
    guard EVP_PKEY_keygen_init(context) == 1 else {
      throw OpenSSLErrorQueue.error("start \(algorithmName.lowercased()) key generation")
    }
    if let rsaBits, EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(rsaBits)) != 1 {
      throw OpenSSLErrorQueue.error("set rsa key size \(rsaBits)")
    }
    // EVP_PKEY_generate hands us a new key we own.
    var key: OpaquePointer?
    guard EVP_PKEY_generate(context, &key) == 1, let key else {
      throw OpenSSLErrorQueue.error("generate \(algorithmName.lowercased()) key")
    }
    return try PrivateKey(takingOwnershipOf: key)
  }
}
