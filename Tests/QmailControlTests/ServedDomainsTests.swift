import KeyStore
import QmailControl
import Testing

@Suite struct ServedDomainsTests {
  @Test func mergesFilesAndRecognisesAliasesByTheirDirectory() throws {
    let rcpthosts = HostList.parse(
      Array("real.example\nalias.example\nonly.example\n.wild.example\n".utf8), path: "rcpthosts")
    let assign = UsersAssign.parse(
      Array(
        ("+alias.example-:real.example:89:89:/d/real.example:-::\n"
          + "+real.example-:real.example:89:89:/d/real.example/:-::\n"
          + "+other.example-:other.example:89:89:/d/other.example:-::\n.\n").utf8),
      path: "assign")
    let served = ServedDomains(lists: [rcpthosts], assign: assign)
    #expect(
      served.domains.map(\.domain.text) == [
        "alias.example", "only.example", "other.example", "real.example",
      ])
    #expect(served.domains.map { $0.aliasOf?.text } == ["real.example", nil, nil, nil])
    #expect(
      served.realDomains.map(\.text) == ["only.example", "other.example", "real.example"])
    let real = try #require(served.domains.last)
    #expect(real.locations.map { "\($0.path):\($0.line)" } == ["rcpthosts:1", "assign:2"])
    #expect(served.diagnostics.count == 1 && !served.hasErrors)
  }

  @Test func withoutTheUserFieldTheDirectoryNameChoosesTheRealDomain() {
    let assign = UsersAssign.parse(
      Array(
        ("+b.example-:x:89:89:/d/0/a.example:-::\n" + "+a.example-:y:89:89:/d/0/a.example:-::\n.\n")
          .utf8), path: "assign")
    let served = ServedDomains(lists: [], assign: assign)
    #expect(served.domains.map { $0.aliasOf?.text } == [nil, "a.example"])
  }

  @Test func anErrorInAnyFileIsReported() {
    let virtual = VirtualDomains.parse(Array("broken\n".utf8), path: "virtualdomains")
    #expect(ServedDomains(lists: [virtual], assign: nil).hasErrors)
  }
}
