import Foundation
import TestSupport
import Testing

/// Settings that do nothing say so when they are written, not only in lint (issue 7 item 7).
@Suite struct RulesEditWarningsCLITests {
  private func rules(_ sandbox: Sandbox) throws -> String {
    String(decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
  }

  @Test func dkVerifyOnARelayClientRuleSaysWhatQmailDKDoes() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let verified = try sandbox.run(["rules", "set-verify", "DEGIJKfh", "--address", "127.", "-q"])
    #expect(verified.status == 0)
    #expect(verified.stderrText.isEmpty)
    let loud = try sandbox.run(["rules", "set-verify", "DEGIJKfh", "--address", "127."])
    #expect(loud.stderrText.contains("warning: relayed mail is verified, not signed"))
    #expect(try sandbox.run(["rules", "set-sign", "-q"]).status == 0)
    let ignored = try sandbox.run(["rules", "set-verify", "BDEGIJKfh", "--address", "127."])
    expectTranscript(ignored, in: sandbox, matches: "rules-set-verify-on-relay-rule")
    #expect(ignored.status == 0)
  }

  @Test func dkSignWithoutPercentOrNotAbsoluteSaysSo() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let single = try sandbox.run([
      "rules", "set-sign", "/var/qmail/control/domainkeys/example.com/private", "--dry-run",
    ])
    #expect(single.status == 0)
    #expect(single.stderrText.contains("warning: DKSIGN has no %: every domain is signed"))
    let relative = try sandbox.run(["rules", "set-sign", "domainkeys/%/private"])
    expectTranscript(relative, in: sandbox, matches: "rules-set-sign-relative")
    #expect(relative.status == 0)
  }

  @Test func unsetOfANameNoRuleHasSaysSo() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "unset", "DKSIGN"])
    expectTranscript(result, in: sandbox, matches: "rules-unset-nothing")
    #expect(result.status == 0)
  }

  @Test func unsetRelayClientNeedsForce() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let refused = try sandbox.run(["rules", "unset", "RELAYCLIENT"])
    expectTranscript(refused, in: sandbox, matches: "rules-unset-relayclient")
    #expect(refused.status == 64)
    #expect(try rules(sandbox) == original)
    let forced = try sandbox.run(["rules", "unset", "RELAYCLIENT", "--force", "-q"])
    #expect(forced.status == 0)
    #expect(!(try rules(sandbox)).contains("RELAYCLIENT"))
  }
}
