import LibCrypto
import Testing

@Suite struct DigestContextTests {
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }

  // FIPS 180-2 appendix examples for "abc".
  @Test func hashesFIPSVectors() throws {
    let abc = Array("abc".utf8)
    #expect(
      Self.hex(try DigestContext.hash(.sha1, abc)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(
      Self.hex(try DigestContext.hash(.sha256, abc))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func streamingEqualsOneShot() throws {
    let message = Array("The quick brown fox jumps over the lazy dog\r\n".utf8)
    let context = try DigestContext(.sha256)
    context.update(message[0..<10])
    context.update(Array(message[10...]))
    context.update([UInt8]())
    #expect(try context.finalize() == DigestContext.hash(.sha256, message))
  }

  @Test func digestLengthsMatchOutput() throws {
    for algorithm in [DigestAlgorithm.sha1, .sha256] {
      #expect(try DigestContext.hash(algorithm, []).count == algorithm.digestLength)
    }
  }
}
