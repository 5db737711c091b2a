import Testing
import ToasterSupport

@testable import TcpRules

@Suite struct RulesFileParseTests {
  @Test(arguments: Fixture.names("accepted"))
  func renderReproducesAcceptedFixture(name: String) throws {
    let bytes = try Fixture.bytes("accepted", name)
    let file = try RulesFile.parse(bytes, path: name)
    #expect(file.render() == bytes)
  }

  @Test(arguments: Fixture.names("rejected"))
  func rejectsRejectedFixture(name: String) throws {
    let bytes = try Fixture.bytes("rejected", name)
    #expect(throws: TcpRulesError.self) { try RulesFile.parse(bytes, path: name) }
  }

  @Test func fixturesArePresent() {
    #expect(Fixture.names("accepted").count >= 25)
    #expect(Fixture.names("rejected").count >= 25)
  }

  @Test func classifiesEveryKindOfLine() throws {
    let text = "# c\n\nprose\n \t\n\r\n  # x\n127.:allow\n"
    let file = try RulesFile.parse(Array(text.utf8), path: "t")
    let kinds = file.lines.map(\.kind)
    #expect(kinds.count == 7)
    #expect(Array(kinds.prefix(6)) == [.comment, .blank, .ignored, .ignored, .ignored, .ignored])
    #expect(file.lines.map(\.number) == Array(1...7))
    #expect(file.lines[6].rule == Rule(address: Address("127."), instruction: .allow))
  }

  @Test func keepsMissingFinalNewline() throws {
    let file = try RulesFile.parse(Array("a\n:allow".utf8), path: "t")
    #expect(file.lines.map(\.hasNewline) == [true, false])
    #expect(file.lines[1].bytes == Array(":allow".utf8))
  }

  @Test func parsesSettingsWithAnyQuoteByte() throws {
    let line = #"1.:deny,A='x',B=/y/,C=abca,,D="",E= s ,F===,G=,a,"#
    let rule = try #require(try RulesFile.parse(Array(line.utf8), path: "t").lines.first?.rule)
    #expect(rule.instruction == .deny)
    let settings = rule.assignments.map {
      "\($0.nameText)|\(Character(Unicode.Scalar($0.quote)))|\($0.valueText)"
    }
    #expect(settings == ["A|'|x", "B|/|y", "C|a|bc", ",D|\"|", "E| |s", "F|=|", "G|,|a"])
  }

  @Test func nameRunsToTheFirstEqualsSign() throws {
    let rule = try #require(
      try RulesFile.parse(Array(#"1.:allow,A,B="v""#.utf8), path: "t").lines.first?.rule)
    #expect(rule.assignments == [EnvAssignment(name: Array("A,B".utf8), value: [0x76])])
  }

  @Test func addressIsEverythingBeforeTheFirstColon() throws {
    let rule = try #require(
      try RulesFile.parse(Array(#" 1.#\#t:allow,URL="a:b""#.utf8), path: "t").lines.first?.rule)
    #expect(rule.address.bytes == Array(" 1.#\t".utf8))
    #expect(rule.assignments.first?.valueText == "a:b")
  }

  @Test func stripsTrailingSpaceAndTabButNotCarriageReturn() throws {
    let file = try RulesFile.parse(Array("1.:allow \t\n".utf8), path: "t")
    #expect(file.lines.first?.rule?.assignments == [])
    #expect(throws: TcpRulesError.self) {
      try RulesFile.parse(Array("1.:allow\r\n".utf8), path: "t")
    }
  }
}
