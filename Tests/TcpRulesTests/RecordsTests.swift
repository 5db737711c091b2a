import Testing

@testable import TcpRules

@Suite struct RecordsTests {
  @Test(arguments: Fixture.names("accepted"))
  func recordsMatchRealTcprules(name: String) throws {
    let file = try RulesFile.parse(Fixture.bytes("accepted", name), path: name)
    let dump = Fixture.dump(file.records().map { ($0.key, $0.data) })
    #expect(dump == (try Fixture.expectedDump(name)))
  }

  /// Range expansions, each checked against the keys real tcprules 0.88 writes.
  @Test(arguments: [
    ("1.2.3.4-7", ["1.2.3.4", "1.2.3.5", "1.2.3.6", "1.2.3.7"]),
    ("10.2-3.", ["10.2.", "10.3."]),
    ("10.20-21.4.5", ["10.20.4.5", "10.21.4.5"]),
    ("1-3.", ["1.", "2.", "3."]),
    ("5-7", ["5", "6", "7"]),
    ("192.168.0-1.1-2", ["192.168.0.1-2", "192.168.1.1-2"]),
    ("1.2.3.-2", ["1.2.3.0", "1.2.3.1", "1.2.3.2"]),
    ("1.2.6.253-300", ["1.2.6.253", "1.2.6.254", "1.2.6.255"]),
    ("1.2.8.08-010", ["1.2.8.8", "1.2.8.9", "1.2.8.10"]),
    ("-", ["0"]),
    ("1.2.9.4-5.6", ["1.2.9.4.6", "1.2.9.5.6"]),
    ("=mail-1.example.com", ["=mail-1.example.com"]),
    ("joe@1.2.3.4-5", ["joe@1.2.3.4-5"]),
    ("=10.0.0.1-3", ["=10.0.0.1-3"]),
    ("1.2.3.9-5", []),
    ("1.2.3.5-", []),
    ("1.2.3.300-400", []),
    ("1.2.3.18446744073709551617-2", ["1.2.3.1", "1.2.3.2"]),
  ])
  func expandsRange(address: String, keys: [String]) {
    #expect(Address(address).keys.map { String(decoding: $0, as: UTF8.self) } == keys)
    for key in keys { #expect(Address(address).produces(key: Array(key.utf8))) }
  }

  @Test(arguments: ["1.2.3.4-7", "10.2-3.", "1.2.8.08-010", "-", "1.2.3.9-5", "1.2.3.4"])
  func producesOnlyItsOwnKeys(address: String) {
    let address = Address(address)
    let candidates = ["1.2.3.3", "1.2.3.8", "1.2.3.04", "10.4.", "1.2.8.08", "1.2.8.11", "00", ""]
    for candidate in candidates {
      let key = Array(candidate.utf8)
      #expect(address.produces(key: key) == address.keys.contains(key), "\(candidate)")
    }
  }

  @Test func encodesRecordData() throws {
    let text = "1.:allow\n2.:deny\n3.:deny,REASON=\"blocked\"\n4.:allow,A=\"\",B='x'\n"
    let records = try RulesFile.parse(Array(text.utf8), path: "t").records()
    #expect(
      records.map(\.data) == [
        [], Array("D\0".utf8), Array("D\0+REASON=blocked\0".utf8), Array("+A=\0+B=x\0".utf8),
      ])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test func mapsKeysBackToTheFirstLineThatWritesThem() throws {
    let text = "# c\n1.2.3.4:allow\n1.2.3.2-6:deny\n1.2.3.4:deny\n:allow\n"
    let file = try RulesFile.parse(Array(text.utf8), path: "t")
    #expect(file.lineNumber(producingKey: Array("1.2.3.4".utf8)) == 2)
    #expect(file.lineNumber(producingKey: Array("1.2.3.5".utf8)) == 3)
    #expect(file.lineNumber(producingKey: []) == 5)
    #expect(file.lineNumber(producingKey: Array("1.2.3.7".utf8)) == nil)
  }
}
