import KeyStore
import QmailControl
import Testing
import ToasterSupport

@Suite struct HostListTests {
  private func parse(_ text: String) -> ListedDomains {
    HostList.parse(Array(text.utf8), path: "control/rcpthosts")
  }

  @Test func listsDomainsSkippingCommentsAndBlankLines() {
    let result = parse("# our domains\n\nexample.com\n  \nshop.example.org\t \n")
    #expect(result.domains.map(\.domain.text) == ["example.com", "shop.example.org"])
    #expect(result.domains.map(\.location.line) == [3, 5])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func lowerCasesAsQmailComparesHosts() {
    #expect(parse("Example.COM\n").domains.map(\.domain.text) == ["example.com"])
  }

  @Test func reportsAWildcardInsteadOfListingIt() throws {
    let result = parse("example.com\n.example.net\n")
    #expect(result.domains.map(\.domain.text) == ["example.com"])
    let warning = try #require(result.diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(path: "control/rcpthosts", line: 2, column: 1))
    #expect(warning.message.hasPrefix("wildcard .example.net accepts mail for every subdomain"))
  }

  @Test func notesSingleLabelsAndAddressLiterals() {
    let result = parse("localhost\n[192.0.2.1]\n")
    #expect(result.domains.isEmpty)
    #expect(result.diagnostics.map(\.severity) == [.note, .note])
  }

  @Test func readsCRLFFilesAndWarnsOnce() throws {
    let result = parse("a.example\r\nb.example\r\n")
    #expect(result.domains.map(\.domain.text) == ["a.example", "b.example"])
    #expect(result.diagnostics.count == 1)
    let warning = try #require(result.diagnostics.first)
    #expect(warning.location.line == 1 && warning.location.column == 10)
    #expect(warning.message.contains("(and 1 more lines)"))
  }

  @Test func reportsAMalformedLineWithItsLocation() throws {
    let result = parse("good.example\nbad_name.example\nexa mple.com\n")
    #expect(result.domains.map(\.domain.text) == ["good.example"])
    #expect(result.diagnostics.map(\.location.line) == [2, 3])
    #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    let first = try #require(result.diagnostics.first)
    #expect(first.description.hasPrefix("control/rcpthosts:2:1: error: not a domain name: "))
  }

  @Test func readsCDBKeysWithTheRecordNumberAsLine() {
    let result = HostList.parse(
      cdbKeys: [Array("one.example".utf8), Array(".wild.example".utf8)], path: "mrh.cdb")
    #expect(result.domains.map(\.domain.text) == ["one.example"])
    #expect(result.diagnostics.map(\.location.line) == [2])
  }

  @Test func warnsAboutTextEntriesMissingFromTheCDB() throws {
    let text = HostList.parse(Array("in.example\nnew.example\n".utf8), path: "morercpthosts")
    let cdb = HostList.parse(cdbKeys: [Array("in.example".utf8)], path: "morercpthosts.cdb")
    let merged = HostList.staleness(text: text, cdb: cdb, cdbPath: "morercpthosts.cdb")
    #expect(merged.diagnostics.count == 1)
    let warning = try #require(merged.diagnostics.first)
    #expect(warning.location.line == 2 && warning.hint == "run qmail-newmrh to rebuild it")
  }
}
