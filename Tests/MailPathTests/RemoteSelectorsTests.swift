import MailPath
import Testing

@Suite struct RemoteSelectorsTests {
  static let file = """
    # selectors for toaster-dk-remote
    *:private

    example.com:s202612
      Example.ORG:s202612,e202612  \t
    bounce-domain=example.com

    """

  private func parse(_ text: String) throws -> RemoteSelectors {
    try RemoteSelectors(parsing: Array(text.utf8), path: "remote-selectors")
  }

  @Test func choosesTheDomainsLineThenStarThenPrivate() throws {
    let selectors = try parse(Self.file)
    #expect(selectors.selectors(for: "EXAMPLE.com") == ["s202612"])
    #expect(selectors.selectors(for: "example.org") == ["s202612", "e202612"])
    #expect(selectors.selectors(for: "other.net") == ["private"])
    #expect(selectors.bounceDomain == "example.com")
    #expect(try parse("example.com:a\n").selectors(for: "other.net") == ["private"])
    #expect(try parse("*:b\n").selectors(for: "other.net") == ["b"])
  }

  @Test func rendersEveryLineUnchanged() throws {
    #expect(try parse(Self.file).render() == Array(Self.file.utf8))
  }

  @Test func editsReplaceTheLineInPlaceAndKeepTheRest() throws {
    var selectors = try parse(Self.file)
    try selectors.setSelectors(["s202701"], for: "example.org")
    try selectors.setSelectors(["n1", "n2"], for: "new.example")
    try selectors.setBounceDomain("mail.example.com")
    let expected = """
      # selectors for toaster-dk-remote
      *:private

      example.com:s202612
      example.org:s202701
      bounce-domain=mail.example.com
      new.example:n1,n2

      """
    #expect(String(decoding: selectors.render(), as: UTF8.self) == expected)
    try selectors.setBounceDomain(nil)
    #expect(selectors.bounceDomain == nil)
    #expect(throws: RemoteSelectorsError.self) { try selectors.setSelectors(["a/b"], for: "x.com") }
    #expect(throws: RemoteSelectorsError.self) { try selectors.setSelectors(["a"], for: "../x") }
  }

  @Test func reportsEveryBadLineWithItsLocation() {
    let text = "example.com\n../etc:private\nexample.com:a/b\nfoo=bar\nx.com:a\nX.com:b\n"
    do {
      _ = try RemoteSelectors(parsing: Array(text.utf8), path: "remote-selectors")
      Issue.record("parsed")
    } catch {
      guard case .invalid(let diagnostics) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(
        diagnostics.map { "\($0.location)" } == [
          "remote-selectors:1:1", "remote-selectors:2:1", "remote-selectors:3:13",
          "remote-selectors:4:1", "remote-selectors:6:1",
        ])
      #expect(diagnostics[0].message == "missing : after the domain")
      #expect(diagnostics[3].message == "unknown setting \"foo\"")
      #expect(diagnostics[4].message == "x.com is already set on line 5")
    }
  }
}
