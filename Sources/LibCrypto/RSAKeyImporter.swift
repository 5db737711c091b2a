internal import COpenSSL

/// Makes RSA `EVP_PKEY`s from their numbers with `EVP_PKEY_fromdata`, the OpenSSL 3 import
/// that skips the generic decoders.
enum RSAKeyImporter {
  // OSSL_PKEY_PARAM_RSA_* names, as static strings: the builder keeps the name pointers.
  private static let names: [StaticString] = [
    "n", "e", "d", "rsa-factor1", "rsa-factor2", "rsa-exponent1", "rsa-exponent2",
    "rsa-coefficient1",
  ]

  /// A new key from big-endian magnitudes, which the caller then owns.
  ///
  /// - Parameter numbers: n and e for a public key, or all eight numbers of
  ///   `KeyDER.rsaPrivateNumbers` for a private one.
  /// - Returns: a new `EVP_PKEY`.
  /// - Throws: `LibCryptoError.openssl` when OpenSSL refuses the numbers.
  static func importKey(bigEndian numbers: [ArraySlice<UInt8>]) throws(LibCryptoError)
    -> OpaquePointer
  {
    precondition(numbers.count == 2 || numbers.count == names.count, "rsa numbers")
    OpenSSLErrorQueue.clear()
    var owned: [OpaquePointer] = []
    // BN_clear_free wipes private numbers before freeing them.
    defer { owned.forEach { BN_clear_free($0) } }
    for number in numbers {
      let value = number.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
      guard let value else { throw OpenSSLErrorQueue.error("convert rsa key number") }
      owned.append(value)
    }
    return try importKey(Array(zip(names, owned)))
  }

  /// A new key from OpenSSL numbers, which the caller then owns.
  ///
  /// The names are those `EVP_PKEY_fromdata` wants; the key is private when more than n and e
  /// are given. The numbers stay the caller's.
  /// - Returns: a new `EVP_PKEY`.
  /// - Throws: `LibCryptoError.openssl` when OpenSSL refuses the numbers.
  static func importKey(_ parts: [(StaticString, OpaquePointer)]) throws(LibCryptoError)
    -> OpaquePointer
  {
    guard let builder = OSSL_PARAM_BLD_new() else { throw OpenSSLErrorQueue.error("build params") }
    defer { OSSL_PARAM_BLD_free(builder) }
    for (name, value) in parts {
      let cName = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
      guard OSSL_PARAM_BLD_push_BN(builder, cName, value) == 1 else {
        throw OpenSSLErrorQueue.error("build rsa key parameters")
      }
    }
    // OSSL_PARAM_BLD_to_param returns a new array we free.
    guard let params = OSSL_PARAM_BLD_to_param(builder) else {
      throw OpenSSLErrorQueue.error("build rsa key parameters")
    }
    defer { OSSL_PARAM_free(params) }
    guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
      throw OpenSSLErrorQueue.error("create rsa key importer")
    }
    defer { EVP_PKEY_CTX_free(context) }
    let isPrivate = parts.count > 2
    let selection = isPrivate ? toaster_EVP_PKEY_KEYPAIR() : toaster_EVP_PKEY_PUBLIC_KEY()
    // EVP_PKEY_fromdata hands us a new key we own.
    var key: OpaquePointer?
    guard EVP_PKEY_fromdata_init(context) == 1,
      EVP_PKEY_fromdata(context, &key, selection, params) == 1, let key
    else { throw OpenSSLErrorQueue.error("import rsa key") }
    return key
  }
}
