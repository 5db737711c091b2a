import TestSupport
import Testing

@Suite struct RulesLintCLITests {
  @Test func reportsSilentMistakesWithLocations() throws {
    let sandbox = try Sandbox(
      rules: """
        127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/example.com/private"
        127.:deny
        this line has no colon
        10.0.0.9-5:allow
        :allow,DKVERIFY="ADEGIJKfhX",DKQUEUE="/var/qmail/bin/qmail-queue"

        """)
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "lint"])
    expectTranscript(result, in: sandbox, matches: "rules-lint-mistakes")
    #expect(result.status == 65)
  }

  @Test func stockRulesAreClean() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "lint"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
  }
}
