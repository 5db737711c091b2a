internal import COpenSSL

/// Questions asked of a borrowed `EVP_PKEY`, shared by `PrivateKey` and `PublicKey`.
///
/// Nothing here stores or frees the key: the calling class owns it.
enum EVPKey {
  /// The key's algorithm, or `unsupportedKey` for anything but RSA and Ed25519.
  static func algorithm(of key: OpaquePointer) throws(LibCryptoError) -> KeyAlgorithm {
    switch EVP_PKEY_get_base_id(key) {
    case EVP_PKEY_RSA: return .rsa
    case EVP_PKEY_ED25519: return .ed25519
    default:
      // EVP_PKEY_get0_type_name borrows a static string.
      let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"
      throw .unsupportedKey(name.lowercased())
    }
  }

  /// The key size in bits; 256 for Ed25519, whose group order OpenSSL reports as 253.
  static func bits(of key: OpaquePointer, algorithm: KeyAlgorithm) -> Int {
    algorithm == .ed25519 ? 256 : Int(EVP_PKEY_get_bits(key))
  }

  /// The DER SubjectPublicKeyInfo of the key's public half.
  static func subjectPublicKeyInfo(of key: OpaquePointer) throws(LibCryptoError) -> [UInt8] {
    OpenSSLErrorQueue.clear()
    let length = i2d_PUBKEY(key, nil)
    guard length > 0 else { throw OpenSSLErrorQueue.error("encode public key") }
    var der = [UInt8](repeating: 0, count: Int(length))
    let written = der.withUnsafeMutableBufferPointer { buffer in
      // i2d advances the output pointer; the local copy absorbs that.
      var cursor = buffer.baseAddress
      return i2d_PUBKEY(key, &cursor)
    }
    guard written == length else { throw OpenSSLErrorQueue.error("encode public key") }
    return der
  }

  /// The 32 raw bytes of an Ed25519 public key.
  static func rawPublicKey(of key: OpaquePointer) throws(LibCryptoError) -> [UInt8] {
    OpenSSLErrorQueue.clear()
    var raw = [UInt8](repeating: 0, count: 32)
    var length = raw.count
    guard EVP_PKEY_get_raw_public_key(key, &raw, &length) == 1, length == 32 else {
      throw OpenSSLErrorQueue.error("extract raw ed25519 public key")
    }
    return raw
  }

  /// Builds an Ed25519 key from its 32 raw bytes (the private seed or the public key) and
  /// returns a new `EVP_PKEY` the caller then owns.
  ///
  /// `what` names the key in messages ("private key seed", "public key").
  static func ed25519(raw: [UInt8], isPrivate: Bool, what: String) throws(LibCryptoError)
    -> OpaquePointer
  {
    guard raw.count == 32 else {
      throw .invalidInput("an ed25519 \(what) is 32 bytes, not \(raw.count)")
    }
    OpenSSLErrorQueue.clear()
    let key = raw.withUnsafeBufferPointer { buffer in
      isPrivate
        ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, buffer.baseAddress, buffer.count)
        : EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, buffer.baseAddress, buffer.count)
    }
    guard let key else { throw OpenSSLErrorQueue.error("load ed25519 \(what)") }
    return key
  }

  /// Decodes DER with a `d2i_*` function, refusing trailing bytes.
  ///
  /// `decode` gets an advancing cursor and the length, as the `d2i` functions want, and
  /// returns a new `EVP_PKEY` the caller then owns.
  static func decode(
    _ der: [UInt8], what: String,
    _ decode: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
  ) throws(LibCryptoError) -> OpaquePointer {
    OpenSSLErrorQueue.clear()
    var consumed = 0
    let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
      var cursor = buffer.baseAddress
      let key = decode(&cursor, buffer.count)
      if let start = buffer.baseAddress, let cursor { consumed = cursor - start }
      return key
    }
    guard let key else { throw OpenSSLErrorQueue.error("decode \(what)") }
    guard consumed == der.count else {
      EVP_PKEY_free(key)
      throw .invalidInput("\(der.count - consumed) bytes after the \(what)")
    }
    return key
  }
}
