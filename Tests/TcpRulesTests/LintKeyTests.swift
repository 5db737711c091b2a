import TestSupport
import Testing

@testable import TcpRules

@Suite struct LintKeyTests {
  private func key(_ bytes: [UInt8]) -> LintKey {
    bytes.withUnsafeBytes { LintKey($0) }
  }

  @Test func distinctKeysStayDistinct() {
    let keys: [[UInt8]] = [
      [], [0], [0, 0], Array("1.2.3.4".utf8), Array("1.2.3.4\0".utf8),
      Array("255.255.255.255".utf8), Array("255.255.255.2550".utf8), Array("12345678".utf8),
      Array("123456789".utf8), Array("=very.long.host.example.com".utf8),
    ]
    #expect(Set(keys.map(key)).count == keys.count)
  }

  @Test func equalBytesGiveEqualKeysWhateverSurroundsThem() {
    for sample in ["", "10.1.2.", "1.2.3.4", "123456789012345", "=a.long.host.example"] {
      let bytes = Array(sample.utf8)
      let padded: [UInt8] = [0xFF, 0] + bytes + [0x41, 0, 0xFF]
      let inner = padded.withUnsafeBytes {
        LintKey(UnsafeRawBufferPointer(rebasing: $0[2..<(2 + bytes.count)]))
      }
      #expect(inner == key(bytes), "\(sample)")
    }
  }

  /// Keys over a four-byte alphabet, so many arrays repeat: two keys must be equal exactly
  /// when their bytes are, on both sides of the 15-byte packing limit.
  @Test(arguments: 0..<8)
  func keysAreEqualExactlyWhenTheBytesAre(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let alphabet: [UInt8] = [0, 0x2E, 0x31, 0xFF]
    let arrays = (0..<400).map { _ in
      (0..<Int.random(in: 0...17, using: &generator)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
      }
    }
    let distinct = Set(arrays)
    #expect(distinct.count < arrays.count, "no repeated keys: the test checks nothing")
    #expect(Set(arrays.map(key)).count == distinct.count)
    for (bytes, keys) in Dictionary(grouping: arrays.map { ($0, key($0)) }, by: \.0) {
      #expect(Set(keys.map(\.1)).count == 1, "\(bytes)")
    }
  }
}
