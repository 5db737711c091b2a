internal import COpenSSL

/// Process-wide OpenSSL set-up, done once before the first call into libcrypto.
///
/// The queue filter and the remote signer run once per message, so what libcrypto does
/// once per process costs as much as the signing itself. Three start-up costs are avoided,
/// measured per process with the filter's signing run:
/// - openssl.cnf is not read (a few hundred microseconds), a file that only configures
///   certificate tools, TLS and provider choices this layer never makes.
/// - The legacy cipher and digest name tables are not filled (about 0.6 ms): the default
///   provider's first use copies every name in them into its own name map, and every
///   algorithm here is fetched from the provider by its own name anyway.
/// - The random generator is SP 800-90A's Hash_DRBG over SHA-256, the digest signing has
///   already loaded, instead of the default CTR_DRBG, which fetches AES-256-CTR for RSA
///   blinding alone (about 1.4 ms). Both are approved generators seeded from the kernel.
enum OpenSSLLibrary {
  private static let initialised: Bool = {
    let options =
      OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS
      | OPENSSL_INIT_NO_ADD_ALL_DIGESTS
    guard OPENSSL_init_crypto(UInt64(options), nil) == 1 else { return false }
    // Before the first random byte: the generators are made with the type set here.
    return RAND_set_DRBG_type(nil, "HASH-DRBG", nil, nil, "SHA256") == 1
  }()

  /// Initialises libcrypto as described above, once per process.
  ///
  /// Later calls do nothing. A failure is not reported here: the operation that follows
  /// fails and drains the error queue (or, for the generator type, keeps OpenSSL's default).
  static func initialise() {
    _ = initialised
  }
}
