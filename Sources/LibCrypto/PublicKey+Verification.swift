internal import COpenSSL

extension PublicKey {
  /// Checks an RSA PKCS#1 v1.5 signature over a precomputed digest.
  ///
  /// - Returns: false when the signature does not match (including a wrong length).
  /// - Throws: `LibCryptoError` for a non-RSA key or a failure to set up the check.
  public func verifyRSA(
    signature: [UInt8], digest: [UInt8], algorithm digestAlgorithm: DigestAlgorithm
  )
    throws(LibCryptoError) -> Bool
  {
    guard algorithm == .rsa else { throw .wrongAlgorithm(expected: .rsa, actual: algorithm) }
    guard digest.count == digestAlgorithm.digestLength else {
      throw .invalidInput("digest is \(digest.count) bytes, not \(digestAlgorithm.digestLength)")
    }
    OpenSSLErrorQueue.clear()
    // EVP_PKEY_CTX_new takes its own reference to the key; the context is freed here.
    guard let context = EVP_PKEY_CTX_new(key, nil) else {
      throw OpenSSLErrorQueue.error("create rsa verify context")
    }
    defer { EVP_PKEY_CTX_free(context) }
    guard EVP_PKEY_verify_init(context) == 1,
      EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1,
      EVP_PKEY_CTX_set_signature_md(context, digestAlgorithm.method) == 1
    else { throw OpenSSLErrorQueue.error("set up rsa verify") }
    let status = EVP_PKEY_verify(context, signature, signature.count, digest, digest.count)
    // 1 is a match; 0 (and -1 for a malformed signature) a mismatch, whose queued reasons
    // are not errors of ours.
    OpenSSLErrorQueue.clear()
    return status == 1
  }

  /// Checks a pure Ed25519 signature over `message`.
  ///
  /// - Returns: false when the signature does not match.
  /// - Throws: `LibCryptoError` for a non-Ed25519 key or a failure to set up the check.
  public func verifyEd25519(signature: [UInt8], message: [UInt8]) throws(LibCryptoError) -> Bool {
    guard algorithm == .ed25519 else {
      throw .wrongAlgorithm(expected: .ed25519, actual: algorithm)
    }
    OpenSSLErrorQueue.clear()
    guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrorQueue.error("create context") }
    defer { EVP_MD_CTX_free(context) }
    // Ed25519 takes no separate digest, hence the null md.
    guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else {
      throw OpenSSLErrorQueue.error("set up ed25519 verify")
    }
    let status = EVP_DigestVerify(context, signature, signature.count, message, message.count)
    OpenSSLErrorQueue.clear()
    return status == 1
  }
}
