internal import COpenSSL

/// Builds RSA keys smaller than OpenSSL 3 will generate (it refuses under 512 bits), from
/// two random primes, so tests can prove the 384-bit keys old dknewkey made are rejected.
enum LegacyRSAKeyBuilder {
  /// A key of exactly `bits` bits with public exponent 65537.
  static func generate(bits: Int) throws(LibCryptoError) -> PrivateKey {
    OpenSSLErrorQueue.clear()
    for _ in 0..<100 {
      if let key = try attempt(bits: bits) { return key }
    }
    throw OpenSSLErrorQueue.error("find primes for a \(bits)-bit rsa key")
  }

  // One try with fresh primes; nil when they do not fit (equal, short modulus, e not
  // invertible) and another try is needed.
  private static func attempt(bits: Int) throws(LibCryptoError) -> PrivateKey? {
    var owned: [OpaquePointer] = []
    defer { owned.forEach { BN_clear_free($0) } }
    func number() throws(LibCryptoError) -> OpaquePointer {
      guard let value = BN_new() else { throw OpenSSLErrorQueue.error("allocate bignum") }
      owned.append(value)
      return value
    }
    guard let context = BN_CTX_new() else { throw OpenSSLErrorQueue.error("allocate bn_ctx") }
    defer { BN_CTX_free(context) }
    let (e, p, q, n) = (try number(), try number(), try number(), try number())
    let (p1, q1, phi) = (try number(), try number(), try number())
    let (d, dmp1, dmq1, iqmp) = (try number(), try number(), try number(), try number())
    guard BN_set_word(e, 65537) == 1,
      BN_generate_prime_ex(p, Int32(bits / 2), 0, nil, nil, nil) == 1,
      BN_generate_prime_ex(q, Int32(bits / 2), 0, nil, nil, nil) == 1,
      BN_mul(n, p, q, context) == 1, BN_copy(p1, p) != nil, BN_sub_word(p1, 1) == 1,
      BN_copy(q1, q) != nil, BN_sub_word(q1, 1) == 1, BN_mul(phi, p1, q1, context) == 1
    else { throw OpenSSLErrorQueue.error("compute a \(bits)-bit rsa modulus") }
    guard BN_cmp(p, q) != 0, BN_num_bits(n) == Int32(bits),
      BN_mod_inverse(d, e, phi, context) != nil, BN_mod_inverse(iqmp, q, p, context) != nil
    else {
      OpenSSLErrorQueue.clear()
      return nil
    }
    guard toaster_BN_mod(dmp1, d, p1, context) == 1, toaster_BN_mod(dmq1, d, q1, context) == 1
    else { throw OpenSSLErrorQueue.error("compute rsa exponents") }
    let parts: [(StaticString, OpaquePointer)] = [
      ("n", n), ("e", e), ("d", d), ("rsa-factor1", p), ("rsa-factor2", q),
      ("rsa-exponent1", dmp1), ("rsa-exponent2", dmq1), ("rsa-coefficient1", iqmp),
    ]
    return try PrivateKey(takingOwnershipOf: RSAKeyImporter.importKey(parts))
  }
}
