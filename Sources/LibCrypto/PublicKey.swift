internal import COpenSSL

/// An RSA or Ed25519 public key, as published in a DKIM or DomainKeys `p=` tag.
public final class PublicKey: @unchecked Sendable {
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

  /// Loads a DER SubjectPublicKeyInfo (RSA or Ed25519), the form DomainKeys and DKIM publish.
  ///
  /// - Throws: `LibCryptoError` when the bytes are not a complete supported key.
  public convenience init(subjectPublicKeyInfo der: [UInt8]) throws(LibCryptoError) {
    // The usual RSA form skips OpenSSL's generic decoder; any other goes through it.
    if let numbers = KeyDER.rsaPublicNumbers(subjectPublicKeyInfo: der),
      let key = try? RSAKeyImporter.importKey(bigEndian: numbers)
    {
      try self.init(takingOwnershipOf: key)
      return
    }
    let key = try EVPKey.decode(der, what: "subject public key info") { cursor, length in
      d2i_PUBKEY(nil, cursor, length)
    }
    try self.init(takingOwnershipOf: key)
  }

  /// Loads a bare PKCS#1 RSAPublicKey, which dkimpy also accepts in `p=`.
  ///
  /// - Throws: `LibCryptoError` when the bytes are not a complete RSA public key.
  public convenience init(rsaPublicKey der: [UInt8]) throws(LibCryptoError) {
    let key = try EVPKey.decode(der, what: "pkcs#1 rsa public key") { cursor, length in
      d2i_PublicKey(EVP_PKEY_RSA, nil, cursor, length)
    }
    try self.init(takingOwnershipOf: key)
  }

  /// Loads a raw 32-byte Ed25519 public key, the RFC 8463 `p=` form.
  ///
  /// - Throws: `LibCryptoError.invalidInput` unless exactly 32 bytes are given.
  public convenience init(ed25519Raw raw: [UInt8]) throws(LibCryptoError) {
    try self.init(takingOwnershipOf: EVPKey.ed25519(raw: raw, isPrivate: false, what: "public key"))
  }

  /// The key size in bits (the modulus for RSA, 256 for Ed25519).
  public var bits: Int { EVPKey.bits(of: key, algorithm: algorithm) }

  /// The DER SubjectPublicKeyInfo, base64 of which is the RSA `p=` value.
  ///
  /// - Throws: `LibCryptoError.openssl` when encoding fails.
  public func subjectPublicKeyInfoDER() throws(LibCryptoError) -> [UInt8] {
    try EVPKey.subjectPublicKeyInfo(of: key)
  }

  /// The raw 32-byte Ed25519 key, base64 of which is the Ed25519 `p=` value.
  ///
  /// - Throws: `LibCryptoError.wrongAlgorithm` for an RSA key.
  public func ed25519Raw() throws(LibCryptoError) -> [UInt8] {
    guard algorithm == .ed25519 else {
      throw .wrongAlgorithm(expected: .ed25519, actual: algorithm)
    }
    return try EVPKey.rawPublicKey(of: key)
  }
}
