import LibCrypto

/// The SHA-1 digest of a message's DomainKeys canonical form over the chosen header fields.
enum DomainKeysHasher {
  /// Hashes the fields at `fieldIndexes` (in message order) and the body.
  static func digest(
    of message: Message, fieldIndexes: some Sequence<Int>, canonicalization: Canonicalization
  ) throws(LibCryptoError) -> [UInt8] {
    var sink = try DigestSink(.sha1)
    let canonicalizer = DomainKeysCanonicalizer(
      algorithm: canonicalization, lineEndings: message.lineEndings)
    message.headerBytes.withUnsafeBufferPointer { buffer in
      for index in fieldIndexes {
        canonicalizer.writeHeader(message.fields[index], of: buffer, to: &sink)
      }
    }
    message.bodyBytes.withUnsafeBufferPointer { buffer in
      canonicalizer.writeBody(
        message.bodyRange, of: buffer, release: message.bodyBytes.release, to: &sink)
    }
    return try sink.finalize()
  }
}
