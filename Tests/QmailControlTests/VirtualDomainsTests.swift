import QmailControl
import Testing

@Suite struct VirtualDomainsTests {
  private func parse(_ text: String) -> ListedDomains {
    VirtualDomains.parse(Array(text.utf8), path: "control/virtualdomains")
  }

  @Test func listsVpopmailDomains() {
    let result = parse("# vpopmail\nexample.com:example.com\nShop.Example:shop.example\n")
    #expect(result.domains.map(\.domain.text) == ["example.com", "shop.example"])
    #expect(result.domains.map(\.location.line) == [2, 3])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func skipsAddressesCatchAllsWildcardsAndExceptions() {
    let result = parse(
      "joe@one.example:joe\n:alias-catchall\n.sub.example:sub\nexception.example:\n")
    #expect(result.domains.isEmpty)
    #expect(result.diagnostics.map(\.severity) == [.note, .note, .warning, .note])
    #expect(result.diagnostics.map(\.location.line) == [1, 2, 3, 4])
  }

  @Test func aLineWithoutAColonIsAnError() {
    let result = parse("example.com\n")
    #expect(result.domains.isEmpty)
    #expect(result.diagnostics.map(\.severity) == [.error])
    #expect(
      result.diagnostics.first?.description.hasPrefix(
        "control/virtualdomains:1:12: error: no colon: qmail-send ignores this line") == true)
  }

  @Test func crlfKeepsTheDomainAndWarns() {
    let result = parse("a.example:a.example\r\n")
    #expect(result.domains.map(\.domain.text) == ["a.example"])
    #expect(result.diagnostics.map(\.severity) == [.warning])
  }
}
