internal import COpenSSL

extension PrivateKey {
  /// Signs a precomputed digest with RSA PKCS#1 v1.5 (the DomainKeys and DKIM `rsa-*` form).
  ///
  /// - Throws: `LibCryptoError` for a non-RSA key, a digest of the wrong length, or an
  ///   OpenSSL failure (such as a modulus too small for the digest).
  public func signRSA(digest: [UInt8], algorithm digestAlgorithm: DigestAlgorithm)
    throws(LibCryptoError) -> [UInt8]
  {
    guard algorithm == .rsa else { throw .wrongAlgorithm(expected: .rsa, actual: algorithm) }
    guard digest.count == digestAlgorithm.digestLength else {
      throw .invalidInput("digest is \(digest.count) bytes, not \(digestAlgorithm.digestLength)")
    }
    OpenSSLErrorQueue.clear()
    // EVP_PKEY_CTX_new takes its own reference to the key; the context is freed here.
    guard let context = EVP_PKEY_CTX_new(key, nil) else {
      throw OpenSSLErrorQueue.error("create rsa sign context")
    }
    defer { EVP_PKEY_CTX_free(context) }
    guard EVP_PKEY_sign_init(context) == 1,
      EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1,
      EVP_PKEY_CTX_set_signature_md(context, digestAlgorithm.method) == 1
    else { throw OpenSSLErrorQueue.error("set up rsa sign") }
    var length = 0
    guard EVP_PKEY_sign(context, nil, &length, digest, digest.count) == 1 else {
      throw OpenSSLErrorQueue.error("size rsa signature")
    }
    var signature = [UInt8](repeating: 0, count: length)
    guard EVP_PKEY_sign(context, &signature, &length, digest, digest.count) == 1 else {
      throw OpenSSLErrorQueue.error("rsa sign")
    }
    return Array(signature.prefix(length))
  }

  /// Signs `message` with pure Ed25519 (RFC 8032), giving 64 bytes.
  ///
  /// - Throws: `LibCryptoError` for a non-Ed25519 key or an OpenSSL failure.
  public func signEd25519(message: [UInt8]) throws(LibCryptoError) -> [UInt8] {
    guard algorithm == .ed25519 else {
      throw .wrongAlgorithm(expected: .ed25519, actual: algorithm)
    }
    OpenSSLErrorQueue.clear()
    guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrorQueue.error("create context") }
    defer { EVP_MD_CTX_free(context) }
    // Ed25519 hashes internally, hence the null md.
    guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else {
      throw OpenSSLErrorQueue.error("set up ed25519 sign")
    }
    var length = 64
    var signature = [UInt8](repeating: 0, count: length)
    guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
      throw OpenSSLErrorQueue.error("ed25519 sign")
    }
    return Array(signature.prefix(length))
  }
}
