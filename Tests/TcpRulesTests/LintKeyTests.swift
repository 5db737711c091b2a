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

  @Test func equalKeysPackEqually() {
    #expect(key(Array("10.1.2.".utf8)) == key(Array("10.1.2.".utf8)))
    #expect(key(Array("=a.long.host.example".utf8)) == key(Array("=a.long.host.example".utf8)))
  }
}
