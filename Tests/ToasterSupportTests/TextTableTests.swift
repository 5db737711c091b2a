import Testing
import ToasterSupport

struct TextTableTests {
  @Test func columnsAlignAndTheLastCellIsNotPadded() {
    let lines = TextTable.lines([
      ["DOMAIN", "KEY", "RECORD"],
      ["example.com", "rsa 2048", "published"],
      ["a.example", "ed25519", "not published: NXDOMAIN"],
    ])
    #expect(
      lines == [
        "DOMAIN       KEY       RECORD",
        "example.com  rsa 2048  published",
        "a.example    ed25519   not published: NXDOMAIN",
      ])
  }

  @Test func aShortRowsRemarkDoesNotWidenItsColumn() {
    let lines = TextTable.lines([
      ["DOMAIN", "SELECTOR", "KEY"],
      ["example.com", "private", "rsa 2048"],
      ["a-much-longer-alias.example", "(alias of example.com)"],
    ])
    #expect(lines[0] == "DOMAIN                       SELECTOR  KEY")
    #expect(lines[2] == "a-much-longer-alias.example  (alias of example.com)")
    #expect(TextTable.lines([]) == [])
    #expect(TextTable.lines([["only"]]) == ["only"])
  }
}
