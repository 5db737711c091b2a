internal import COpenSSL

/// An RSA or Ed25519 private key: loaded from PEM or generated, used to sign.
public final class PrivateKey: @unchecked Sendable {
  // Owned EVP_PKEY, freed in deinit; only read after init, so sharing across threads is safe.
  let key: OpaquePointer
  /// The key's algorithm.
  public let algorithm: KeyAlgorithm

  // Takes ownership of `key`, freeing it if it is not a supported type.
  init(takingOwnershipOf key: OpaquePointer) throws(LibCryptoError) {
    do {
      self.algorithm = try EVPKey.algorithm(of: key)
    } catch {
      EVP_PKEY_free(key)
      throw error
    }
    self.key = key
  }

  deinit { EVP_PKEY_free(key) }

  /// Loads a PEM private key: PKCS#1 (`BEGIN RSA PRIVATE KEY`, old dknewkey output) or
  /// PKCS#8 (`BEGIN PRIVATE KEY`, RSA or Ed25519).
  ///
  /// Encrypted keys are refused rather than prompting for a passphrase.
  /// - Throws: `LibCryptoError` when the PEM is encrypted, damaged or of another key type.
  public convenience init(pem: [UInt8]) throws(LibCryptoError) {
    if Self.looksEncrypted(pem) {
      throw .invalidInput("encrypted private key: decrypt it with openssl pkey first")
    }
    if let key = Self.importPlainPEM(pem) {
      try self.init(takingOwnershipOf: key)
      return
    }
    let key = try MemoryBIO.reading(pem) { bio throws(LibCryptoError) in
      // The callback refuses any passphrase, so OpenSSL never reads the terminal.
      guard let key = PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil) else {
        throw OpenSSLErrorQueue.error("read pem private key")
      }
      return key
    }
    try self.init(takingOwnershipOf: key)
  }

  /// Loads an Ed25519 private key from its 32-byte seed (the RFC 8463 and dkimpy form).
  ///
  /// - Throws: `LibCryptoError.invalidInput` unless exactly 32 bytes are given.
  public convenience init(ed25519Seed seed: [UInt8]) throws(LibCryptoError) {
    try self.init(
      takingOwnershipOf: EVPKey.ed25519(raw: seed, isPrivate: true, what: "private key seed"))
  }

  /// The key size in bits (the modulus for RSA, 256 for Ed25519).
  public var bits: Int { EVPKey.bits(of: key, algorithm: algorithm) }

  /// The key as unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`), what OpenSSL 3 writes.
  ///
  /// - Throws: `LibCryptoError.openssl` when encoding fails.
  public func pkcs8PEM() throws(LibCryptoError) -> [UInt8] {
    try MemoryBIO.collecting(secure: true, operation: "write pem private key") { bio in
      PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1
    }
  }

  /// The matching public key.
  ///
  /// - Throws: `LibCryptoError.openssl` when the public half cannot be extracted.
  public func publicKey() throws(LibCryptoError) -> PublicKey {
    // Round trip through DER so the PublicKey owns a key with no private material.
    try PublicKey(subjectPublicKeyInfo: EVPKey.subjectPublicKeyInfo(of: key))
  }

  private static func looksEncrypted(_ pem: [UInt8]) -> Bool {
    let text = String(decoding: pem, as: UTF8.self)
    // Whole lines, not text.contains(_:), which would link _StringProcessing and its regex
    // engine into the queue filter and the remote signer, whose relocated metadata every
    // start pays for.
    return text.split(whereSeparator: \.isNewline).contains {
      $0.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY") || $0.hasPrefix("Proc-Type: 4,ENCRYPTED")
    }
  }
}
