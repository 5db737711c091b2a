internal import COpenSSL
import Synchronization

/// Process-wide OpenSSL set-up, done once before the first call into libcrypto.
///
/// The queue filter and the remote signer run once per message, so what libcrypto does
/// once per process costs as much as the signing itself. These start-up costs are avoided,
/// measured per process with the filter's signing run:
/// - openssl.cnf is not read (a few hundred microseconds), a file that only configures
///   certificate tools, TLS and provider choices this layer never makes.
/// - The legacy cipher and digest name tables are not filled (about 0.6 ms): the default
///   provider's first use copies every name in them into its own name map, and every
///   algorithm here is fetched from the provider by its own name anyway.
/// - The random generator is SP 800-90A's Hash_DRBG over SHA-256, the digest signing has
///   already loaded, instead of the default CTR_DRBG, which fetches AES-256-CTR for RSA
///   blinding alone (about 1.4 ms). Both are approved generators seeded from the kernel.
/// - Only in the per-message programs (`CryptoStartup.withoutErrorTexts`): OpenSSL's error
///   texts are not loaded (about 0.4 ms), since their messages are qmail-dk's own.
enum OpenSSLLibrary {
  private static let started = Atomic<Bool>(false)

  /// Initialises libcrypto as described above; the first call decides about the error
  /// texts, and later calls do nothing.
  ///
  /// A failure is not reported here: the operation that follows fails and drains the error
  /// queue (or, for the generator type, keeps OpenSSL's default generator).
  static func initialise(loadingErrorTexts: Bool = true) {
    guard !started.load(ordering: .acquiring) else { return }
    var options =
      OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS
      | OPENSSL_INIT_NO_ADD_ALL_DIGESTS
    if !loadingErrorTexts { options |= OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS }
    // OPENSSL_init_crypto runs each part once, whichever thread asks first.
    if OPENSSL_init_crypto(UInt64(options), nil) == 1 {
      // Before the first random byte: the generators are made with the type set here. A
      // second thread racing this call may be refused; the caller clears the queue next.
      _ = RAND_set_DRBG_type(nil, "HASH-DRBG", nil, nil, "SHA256")
    }
    started.store(true, ordering: .releasing)
  }
}

/// How a process starts libcrypto, for the programs that run once per message.
public enum CryptoStartup {
  /// Starts libcrypto without OpenSSL's error texts.
  ///
  /// Call it before any other use of this module. An OpenSSL failure then names its code
  /// (which `openssl errstr` explains) instead of the reason in words.
  public static func withoutErrorTexts() {
    OpenSSLLibrary.initialise(loadingErrorTexts: false)
  }
}
