internal import COpenSSL

/// A streaming hash: feed bytes with `update`, then take the digest once with `finalize`.
public final class DigestContext {
  /// The algorithm this context computes.
  public let algorithm: DigestAlgorithm
  // Owned EVP_MD_CTX, freed in deinit.
  private let context: OpaquePointer
  private var finished = false

  /// Starts a new hash.
  ///
  /// - Throws: `LibCryptoError.openssl` when OpenSSL cannot set up the digest.
  public init(_ algorithm: DigestAlgorithm) throws(LibCryptoError) {
    OpenSSLErrorQueue.clear()
    guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrorQueue.error("create digest") }
    guard EVP_DigestInit_ex(context, algorithm.method, nil) == 1 else {
      EVP_MD_CTX_free(context)
      throw OpenSSLErrorQueue.error("start digest")
    }
    self.algorithm = algorithm
    self.context = context
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds `bytes` to the hash.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    precondition(!finished, "DigestContext.update after finalize")
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    // EVP_DigestUpdate on an initialised software digest cannot fail.
    let status = EVP_DigestUpdate(context, base, bytes.count)
    precondition(status == 1, "EVP_DigestUpdate failed")
  }

  /// Adds `bytes` to the hash.
  public func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Adds `bytes` to the hash.
  public func update(_ bytes: ArraySlice<UInt8>) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Finishes the hash and returns the digest; the context cannot be used afterwards.
  ///
  /// - Throws: `LibCryptoError.openssl` when OpenSSL cannot finish the digest.
  public func finalize() throws(LibCryptoError) -> [UInt8] {
    precondition(!finished, "DigestContext.finalize called twice")
    finished = true
    OpenSSLErrorQueue.clear()
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else {
      throw OpenSSLErrorQueue.error("finish digest")
    }
    return Array(digest.prefix(Int(length)))
  }

  /// Hashes `bytes` in one call.
  ///
  /// - Throws: `LibCryptoError.openssl` when OpenSSL fails.
  public static func hash(_ algorithm: DigestAlgorithm, _ bytes: [UInt8]) throws(LibCryptoError)
    -> [UInt8]
  {
    let context = try DigestContext(algorithm)
    context.update(bytes)
    return try context.finalize()
  }
}
