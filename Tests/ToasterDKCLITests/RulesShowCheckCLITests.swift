import Foundation
import TestSupport
import Testing

@Suite struct RulesShowCheckCLITests {
  private static let rules = """
    # relaying for the office, verification for the world
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    10.0.0.1-4:allow,RELAYCLIENT=""
    10.0.0.9-5:allow
    192.0.2.:deny
    :allow,DKVERIFY="DEGIJKfh",DKQUEUE="/var/qmail/bin/qmail-queue.orig"

    """

  @Test func showMarksMissingThenCurrentThenStaleCdb() throws {
    let sandbox = try Sandbox(rules: Self.rules)
    defer { sandbox.remove() }
    expectTranscript(
      try sandbox.run(["rules", "show"]), in: sandbox, matches: "rules-show-missing")
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    expectTranscript(
      try sandbox.run(["rules", "show"]), in: sandbox, matches: "rules-show-current")
    try sandbox.directory.write(Self.rules + "1.2.3.4:deny\n", to: "etc/tcprules.d/tcp.smtp")
    let stale = try sandbox.run(["rules", "show"])
    #expect(stale.stdoutText.contains("tcp.smtp.cdb: stale"))
    let json = try sandbox.run(["rules", "show", "--json"])
    #expect(json.status == 0)
    #expect(json.stdoutText.hasPrefix("{\"cdb\":\"stale\",\"rules\":[{\"address\":\"127.\""))
  }

  @Test func checkNamesTheLineAndWarnsWhenStale() throws {
    let sandbox = try Sandbox(rules: Self.rules)
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    expectTranscript(
      try sandbox.run(["rules", "check", "10.0.0.3"]), in: sandbox, matches: "rules-check-range")
    expectTranscript(
      try sandbox.run(["rules", "check", "192.0.2.55"]), in: sandbox, matches: "rules-check-deny")
    try sandbox.directory.write(":deny\n", to: "etc/tcprules.d/tcp.smtp")
    expectTranscript(
      try sandbox.run(["rules", "check", "203.0.113.9"]), in: sandbox,
      matches: "rules-check-stale")
  }

  @Test func checkWithoutCdbFails() throws {
    let sandbox = try Sandbox(rules: Self.rules)
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "check", "127.0.0.1"])
    expectTranscript(result, in: sandbox, matches: "rules-check-no-cdb")
    #expect(result.status == 66)
  }
}
