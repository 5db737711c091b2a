internal import COpenSSL

/// Process-wide OpenSSL set-up, done once before the first call into libcrypto.
enum OpenSSLLibrary {
  // Without this, the first libcrypto call initialises with the default settings, which read
  // openssl.cnf: a few hundred microseconds per process, for a file that only configures
  // certificate tools, TLS and provider choices this layer never makes. Keys, digests,
  // signatures and the default provider work the same without it.
  private static let initialised: Bool =
    OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_LOAD_CONFIG), nil) == 1

  /// Initialises libcrypto without loading openssl.cnf, once per process.
  ///
  /// Later calls do nothing. A failure is not reported here: the operation that follows
  /// fails and drains the error queue.
  static func initialise() {
    _ = initialised
  }
}
