import QmailControl
import Testing

@Suite struct UsersAssignTests {
  static let home = "/home/vpopmail/domains"

  private func parse(_ text: String) -> UsersAssign.Result {
    UsersAssign.parse(Array(text.utf8), path: "users/assign")
  }

  @Test func readsVpopmailDomainEntries() {
    let result = parse(
      "+example.com-:example.com:89:89:\(Self.home)/example.com:-::\n"
        + "=postmaster@example.com:vpopmail:89:89:/home/vpopmail:::\n"
        + "+Alias.Example-:example.com:89:89:\(Self.home)/example.com:-::\n.\n")
    #expect(result.domains.map(\.domain.text) == ["example.com", "alias.example"])
    #expect(result.domains.map(\.user) == ["example.com", "example.com"])
    #expect(result.domains.map(\.home) == ["\(Self.home)/example.com", "\(Self.home)/example.com"])
    #expect(result.domains.map(\.location.line) == [1, 3])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func stopsAtTheDotLine() {
    let result = parse(".\n+late.example-:late.example:89:89:/x:-::\n")
    #expect(result.domains.isEmpty && result.diagnostics.isEmpty)
  }

  @Test func commentsBlankAndShortLinesAreWhatQmailNewuRejects() {
    let result = parse(
      "# comment\n\n+short.example-:short.example:89\n+ok.example-:ok.example:89:89:/d/ok:-::\n.\n")
    #expect(result.domains.map(\.domain.text) == ["ok.example"])
    #expect(result.diagnostics.map(\.location.line) == [1, 2, 3])
    #expect(result.diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func aMissingDotLineIsAnError() {
    let result = parse("+a.example-:a.example:89:89:/d/a:-::\n")
    #expect(result.domains.map(\.domain.text) == ["a.example"])
    #expect(
      result.diagnostics.map(\.message) == [
        "no final line \".\": qmail-newu refuses the file (bad format)"
      ])
  }

  @Test func crlfWarnsOnceAndKeepsTheEntries() {
    let result = parse("+a.example-:a.example:89:89:/d/a:-::\r\n.\r\n")
    #expect(result.domains.map(\.home) == ["/d/a"])
    #expect(result.diagnostics.map(\.severity) == [.warning])
  }
}
