import Testing

@testable import TcpRules

@Suite struct RulesFileEditingTests {
  private func file(_ text: String) throws -> RulesFile {
    try RulesFile.parse(Array(text.utf8), path: "t")
  }

  private func text(_ file: RulesFile) -> String {
    String(decoding: file.render(), as: UTF8.self)
  }

  @Test func changesAnExistingSettingInPlaceKeepingItsQuote() throws {
    var rules = try file("# c\n127.:allow,DKSIGN='/old/%/key',RELAYCLIENT=\"\"  \n:allow,X=\"1\"\n")
    let summary = try rules.set("DKSIGN", to: "/new/%/private", on: .addresses([Address("127.")]))
    #expect(
      text(rules) == "# c\n127.:allow,DKSIGN='/new/%/private',RELAYCLIENT=\"\"  \n:allow,X=\"1\"\n")
    #expect(summary.changedLines == [2])
  }

  @Test func appendsAMissingSettingWithDoubleQuotes() throws {
    var rules = try file("127.:allow,RELAYCLIENT=\"\"\t\n:allow\n")
    try rules.set("DKVERIFY", to: "DEGIJKfh", on: .allowRules)
    #expect(
      text(rules)
        == "127.:allow,RELAYCLIENT=\"\",DKVERIFY=\"DEGIJKfh\"\t\n:allow,DKVERIFY=\"DEGIJKfh\"\n")
  }

  @Test func changesEveryOccurrenceOfTheName() throws {
    var rules = try file(":allow,X=\"1\",Y=/2/,X=|3|")
    try rules.set("X", to: "new", on: .allowRules)
    #expect(text(rules) == ":allow,X=\"new\",Y=/2/,X=|new|")
  }

  @Test func neverTouchesDenyLines() throws {
    let original = "1.2.3.4:deny\n5.:deny,X=\"1\"\n:allow\n"
    var rules = try file(original)
    let summary = try rules.set("X", to: "2", on: .addresses([Address("1.2.3.4"), Address("")]))
    #expect(text(rules) == "1.2.3.4:deny\n5.:deny,X=\"1\"\n:allow,X=\"2\"\n")
    #expect(summary.skippedDenyLines == [1])
    #expect(summary.changedLines == [3])
    #expect(throws: TcpRulesError.noMatchingRules("allow rules for 5.")) {
      try rules.set("X", to: "3", on: .addresses([Address("5.")]))
    }
  }

  @Test func selectsOnlyNonRelayingAllowRules() throws {
    var rules = try file("127.:allow,RELAYCLIENT=\"\"\n10.:allow\n11.:deny\n:allow,A=\"b\"\n")
    let summary = try rules.set("DKVERIFY", to: "B", on: .nonRelayingAllowRules)
    #expect(summary.changedLines == [2, 4])
    #expect(rules.lines[0].bytes == Array("127.:allow,RELAYCLIENT=\"\"".utf8))
  }

  @Test func isIdempotentAndReportsUnchanged() throws {
    var rules = try file("# x\n:allow,DKSIGN=\"/k/%/p\"\n")
    let before = rules.render()
    let summary = try rules.set("DKSIGN", to: "/k/%/p", on: .allowRules)
    #expect(summary.isUnchanged)
    #expect(summary.unchangedLines == [2])
    #expect(rules.render() == before)
    var appended = try file(":allow\n")
    try appended.set("A", to: "1", on: .allowRules)
    let again = try appended.set("A", to: "1", on: .allowRules)
    #expect(again.isUnchanged)
  }

  @Test func rejectsAValueHoldingItsQuoteByteAndChangesNothing() throws {
    var rules = try file("1.:allow,G='x'\n2.:allow\n")
    let before = rules
    #expect(throws: TcpRulesError.self) { try rules.set("G", to: "it's", on: .allowRules) }
    #expect(throws: TcpRulesError.self) { try rules.set("H", to: "say \"hi\"", on: .allowRules) }
    #expect(rules == before)
    try rules.set("G", to: "say \"hi\"", on: .addresses([Address("1.")]))
    #expect(text(rules) == "1.:allow,G='say \"hi\"'\n2.:allow\n")
  }

  @Test(arguments: ["", "A=B", "A,B", "A\nB", "A\0B"])
  func rejectsBadNames(name: String) throws {
    var rules = try file(":allow\n")
    #expect(throws: TcpRulesError.self) { try rules.set(name, to: "v", on: .allowRules) }
    #expect(throws: TcpRulesError.self) { try rules.unset(name, on: .allowRules) }
  }

  @Test(arguments: ["a\nb", "a\0b"])
  func rejectsBadValues(value: String) throws {
    var rules = try file(":allow\n")
    #expect(throws: TcpRulesError.self) { try rules.set("A", to: value, on: .allowRules) }
  }

  @Test func namesAnUnknownAddress() throws {
    var rules = try file("127.:allow\n")
    #expect(throws: TcpRulesError.unknownAddress("10.")) {
      try rules.set("A", to: "1", on: .addresses([Address("127."), Address("10.")]))
    }
  }

  @Test func unsetRemovesEverySettingByteExactly() throws {
    var rules = try file(
      "# keep\n127.:allow,X=\"1\",RELAYCLIENT=\"\",X='2' \n9.:deny,X=\"1\"\n:allow\n")
    let summary = try rules.unset("X", on: .allowRules)
    #expect(text(rules) == "# keep\n127.:allow,RELAYCLIENT=\"\" \n9.:deny,X=\"1\"\n:allow\n")
    #expect(summary.changedLines == [2])
    #expect(summary.unchangedLines == [4])
  }

  @Test func refusesAnEditThatTcprulesWouldReadDifferently() throws {
    var rules = try file("1.:allow,E= x ,Z=\"z\"\n")
    #expect(throws: TcpRulesError.wouldNotParse(line: 1)) { try rules.unset("Z", on: .allowRules) }
  }

  @Test func editedFileStillParsesToTheSameModel() throws {
    var rules = try RulesFile.parse(Fixture.bytes("accepted", "dkim-toaster"), path: "t")
    try rules.set("DKSIGN", to: "/var/qmail/control/domainkeys/%/default", on: .allowRules)
    try rules.unset("DKQUEUE", on: .nonRelayingAllowRules)
    #expect(try RulesFile.parse(rules.render(), path: "t") == rules)
  }
}
