import Testing

@testable import TcpRules

@Suite struct RulesLookupTests {
  private func strings(_ keys: [[UInt8]]) -> [String] {
    keys.map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func triesIPThenPrefixesThenDefault() {
    let keys = Connection(ip: "10.1.2.3").lookupKeys
    #expect(strings(keys) == ["10.1.2.3", "10.1.2.", "10.1.", "10.", ""])
  }

  @Test func triesInfoAndHostKeysInRulesOrder() {
    let connection = Connection(ip: "1.9.9.9", host: "x.example.com", info: "joe")
    #expect(
      strings(connection.lookupKeys) == [
        "joe@1.9.9.9", "joe@=x.example.com", "1.9.9.9", "=x.example.com", "1.9.9.", "1.9.",
        "1.", "=.example.com", "=.com", "=", "",
      ])
  }

  @Test func infoWithoutHostTriesOnlyInfoAtIP() {
    #expect(
      strings(Connection(ip: "1.2.3.4", info: "").lookupKeys).prefix(2) == ["@1.2.3.4", "1.2.3.4"])
  }

  /// Outputs recorded from the real tcprulescheck on the host-and-info fixture.
  @Test(arguments: [
    (Connection(ip: "1.2.3.4"), "rule :\nset environment variable A=default\nallow connection\n"),
    (
      Connection(ip: "1.2.3.4", info: "joe"),
      "rule joe@1.2.3.4:\nset environment variable A=info ip\nallow connection\n"
    ),
    (
      Connection(ip: "9.9.9.9", host: "a.example.com"),
      "rule =.example.com:\nset environment variable A=suffix\nallow connection\n"
    ),
    (
      Connection(ip: "9.9.9.9", host: "other.org"),
      "rule =:\nset environment variable A=any host\nallow connection\n"
    ),
    (
      Connection(ip: "9.9.9.9", host: "mail.example.com", info: "joe"),
      "rule joe@=mail.example.com:\nset environment variable A=info host\nallow connection\n"
    ),
    (
      Connection(ip: "9.9.9.9", host: "mail.example.com"),
      "rule =mail.example.com:\nset environment variable A=host\nallow connection\n"
    ),
  ])
  func printsWhatTcprulescheckPrints(connection: Connection, output: String) throws {
    let file = try RulesFile.parse(Fixture.bytes("accepted", "host-and-info"), path: "t")
    let lookup = RulesLookup.find(connection, in: file.records())
    #expect(String(decoding: lookup.tcprulescheckOutput, as: UTF8.self) == output)
  }

  @Test func printsDefaultWhenNothingMatches() throws {
    let file = try RulesFile.parse(Array("1.:deny\n".utf8), path: "t")
    let lookup = RulesLookup.find(Connection(ip: "2.2.2.2"), in: file.records())
    #expect(lookup.key == nil)
    #expect(lookup.tcprulescheckOutput == Array("default:\nallow connection\n".utf8))
  }

  @Test func firstRecordOfADuplicateKeyWins() throws {
    let file = try RulesFile.parse(Fixture.bytes("accepted", "duplicates"), path: "t")
    let lookup = RulesLookup.find(Connection(ip: "1.2.3.4"), in: file.records())
    #expect(lookup.ruleData.environment.map { $0.value } == [Array("first".utf8)])
    #expect(file.lineNumber(producingKey: try #require(lookup.key)) == 1)
  }

  /// tcprulescheck stops at a D item, even one that a NUL inside a value created
  /// (recorded from the real tcprulescheck).
  @Test func decodesItemsSplitByNULsAsTcprulescheckDoes() throws {
    let text = Array("1.:allow,A=\"1\0Dz\",B=\"2\"\n2.:allow,\0junk=\"x\",C=\"y\"\n".utf8)
    let records = try RulesFile.parse(text, path: "t").records()
    let first = RulesLookup.find(Connection(ip: "1.1.1.1"), in: records)
    #expect(first.ruleData.isDeny)
    #expect(
      first.tcprulescheckOutput
        == Array("rule 1.:\nset environment variable A=1\ndeny connection\n".utf8))
    let second = RulesLookup.find(Connection(ip: "2.1.1.1"), in: records)
    #expect(
      second.tcprulescheckOutput
        == Array(
          "rule 2.:\nset environment variable \nset environment variable C=y\nallow connection\n"
            .utf8))
    #expect(second.ruleData.environment.map(\.name) == [Array("C".utf8)])
  }

  @Test func lookupThroughAClosureStopsAtTheFirstHit() {
    var asked: [[UInt8]] = []
    let lookup = RulesLookup.find(Connection(ip: "10.1.2.3")) { key in
      asked.append(key)
      return key == Array("10.1.".utf8) ? Array("D\0".utf8) : nil
    }
    #expect(lookup.key == Array("10.1.".utf8))
    #expect(lookup.ruleData.items == [.deny])
    #expect(asked.count == 3)
  }
}
