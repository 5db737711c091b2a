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
    message.bytes.withUnsafeBufferPointer { buffer in
      for index in fieldIndexes {
        canonicalizer.writeHeader(message.fields[index], of: buffer, to: &sink)
      }
      canonicalizer.writeBody(message.bodyRange, of: buffer, to: &sink)
    }
    return try sink.finalize()
  }
}
