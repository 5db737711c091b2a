import LibCrypto

/// A sink that hashes canonical bytes, gathering small writes into one buffer first.
///
/// Canonicalization writes a line and its CRLF separately; buffering turns those into
/// a few large digest updates, and big writes go to the digest directly without a copy.
struct DigestSink: CanonicalSink {
  private let context: DigestContext
  private var buffer: [UInt8] = []
  private static let capacity = 32 * 1024

  init(_ algorithm: DigestAlgorithm) throws(LibCryptoError) {
    context = try DigestContext(algorithm)
    buffer.reserveCapacity(Self.capacity)
  }

  mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    if buffer.count + bytes.count <= Self.capacity {
      buffer.append(contentsOf: bytes)
      return
    }
    flush()
    if bytes.count >= Self.capacity / 2 {
      context.update(UnsafeRawBufferPointer(bytes))
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// The digest of everything written.
  mutating func finalize() throws(LibCryptoError) -> [UInt8] {
    flush()
    return try context.finalize()
  }

  private mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { context.update($0) }
    buffer.removeAll(keepingCapacity: true)
  }
}
