import Foundation
import TestSupport
import Testing

/// `rules set-sign` sets toaster-dk-queue's variables on the same rules as DKSIGN.
@Suite struct RulesSetSignFilterCLITests {
  private func rules(_ sandbox: Sandbox) throws -> String {
    String(decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
  }

  @Test func setsEd25519KeyFailureAndDKIMInOneEdit() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run([
      "rules", "set-sign", "--ed25519-selector", "ed1", "--key-failure", "bounce", "--no-dkim",
    ])
    #expect(result.status == 0, "\(result)")
    let line = try rules(sandbox).split(separator: "\n")[1]
    #expect(
      line == "127.:allow,RELAYCLIENT=\"\",DKSIGN=\"/var/qmail/control/domainkeys/%/private\","
        + "DKSIGN_ED25519=\"/var/qmail/control/domainkeys/%/ed1\",DKKEYFAIL=\"bounce\","
        + "DKIMSIGN=\"0\"")
    let again = try sandbox.run(["rules", "set-sign", "--dkim", "--selector", "s2", "-q"])
    #expect(again.status == 0, "\(again)")
    let changed = try rules(sandbox).split(separator: "\n")[1]
    #expect(changed.contains("DKSIGN=\"/var/qmail/control/domainkeys/%/s2\""))
    #expect(changed.contains("DKIMSIGN=\"1\""))
    #expect(changed.contains("DKSIGN_ED25519=\"/var/qmail/control/domainkeys/%/ed1\""))
    #expect(try sandbox.run(["rules", "lint"]).status == 0)
  }

  @Test func refusesAnEd25519SelectorEqualToDKSIGNsAndBadValues() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let same = try sandbox.run(["rules", "set-sign", "--ed25519-selector", "private"])
    #expect(same.status == 64)
    #expect(
      same.stderrText.contains("--ed25519-selector must differ from DKSIGN's selector private"))
    let bad = try sandbox.run(["rules", "set-sign", "--key-failure", "soft"])
    #expect(bad.status == 64)
    let slash = try sandbox.run(["rules", "set-sign", "--ed25519-selector", "a/b"])
    #expect(slash.status != 0)
    #expect(try rules(sandbox) == original)
  }
}
