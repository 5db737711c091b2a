internal import COpenSSL

/// Short-lived memory BIOs, created and freed within one call.
enum MemoryBIO {
  /// Runs `body` with a read-only BIO over `bytes`; the BIO borrows the bytes, so it must
  /// not outlive the call.
  static func reading<T>(
    _ bytes: [UInt8], _ body: (OpaquePointer) throws(LibCryptoError) -> T
  ) throws(LibCryptoError) -> T {
    OpenSSLErrorQueue.clear()
    let result: Result<T, LibCryptoError> = bytes.withUnsafeBytes { buffer in
      guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
        return .failure(OpenSSLErrorQueue.error("create memory bio"))
      }
      defer { BIO_free(bio) }
      do throws(LibCryptoError) {
        return .success(try body(bio))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Runs `write` against a fresh BIO and returns what it wrote.
  ///
  /// `secure` uses OpenSSL's secure-memory BIO, whose buffer is cleansed when freed, for
  /// private key material.
  static func collecting(
    secure: Bool, operation: String, _ write: (OpaquePointer) -> Bool
  ) throws(LibCryptoError) -> [UInt8] {
    OpenSSLErrorQueue.clear()
    guard let bio = BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()) else {
      throw OpenSSLErrorQueue.error("create memory bio")
    }
    defer { BIO_free(bio) }
    guard write(bio) else { throw OpenSSLErrorQueue.error(operation) }
    var data: UnsafeMutablePointer<CChar>?
    let length = toaster_BIO_get_mem_data(bio, &data)
    guard length > 0, let data else { throw OpenSSLErrorQueue.error(operation) }
    // BIO_get_mem_data borrows the BIO's buffer: copy before BIO_free.
    return data.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }
}
