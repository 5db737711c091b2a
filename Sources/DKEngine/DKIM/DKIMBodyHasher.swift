import LibCrypto

/// Computes DKIM body hashes, remembering each so signatures that share canonicalization,
/// algorithm and l= hash the body only once.
final class DKIMBodyHasher {
  private struct Key: Hashable {
    let canonicalization: Canonicalization
    let digest: DigestAlgorithm
    let limit: Int?
  }

  private let message: Message
  private var cache: [Key: (hash: [UInt8], length: Int)] = [:]

  init(message: Message) {
    self.message = message
  }

  /// The body hash and the full canonical body length.
  func hash(
    canonicalization: Canonicalization, digest: DigestAlgorithm, limit: Int?
  ) throws(LibCryptoError) -> (hash: [UInt8], length: Int) {
    let key = Key(canonicalization: canonicalization, digest: digest, limit: limit)
    if let cached = cache[key] { return cached }
    var sink = LimitedSink(target: try DigestSink(digest), limit: limit)
    let canonicalizer = DKIMCanonicalizer(
      header: .simple, body: canonicalization, lineEndings: message.lineEndings)
    message.bodyBytes.withUnsafeBufferPointer { buffer in
      canonicalizer.writeBody(
        message.bodyRange, of: buffer, release: message.bodyBytes.release, to: &sink)
    }
    let result = (try sink.target.finalize(), sink.total)
    cache[key] = result
    return result
  }
}
