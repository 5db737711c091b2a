import Foundation
import TestSupport
import Testing

/// Selectors keep their case (issue 7 item 8): qmail-dk takes the template's selector as
/// written and file names are case-sensitive, so lint flags a key that differs only in case.
@Suite struct RulesSelectorCaseCLITests {
  @Test func setSignKeepsTheSelectorAsTypedAndLintFlagsAKeyDifferingInCase() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write("key", to: "var/qmail/control/domainkeys/example.com/mail2026")
    let set = try sandbox.run(["rules", "set-sign", "--selector", "Mail2026", "-q"])
    #expect(set.status == 0)
    let rules = String(
      decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
    #expect(rules.contains("DKSIGN=\"/var/qmail/control/domainkeys/%/Mail2026\""))
    let lint = try sandbox.run(["rules", "lint"])
    #expect(lint.status == 65)
    #expect(
      lint.stderrText.contains(
        "warning: DKSIGN: selector Mail2026 has no key in any domain, but "
          + "/var/qmail/control/domainkeys/example.com/mail2026 differs only in case"))
    // Once a key with the exact name exists, there is nothing to say.
    try sandbox.directory.write("key", to: "var/qmail/control/domainkeys/other.example/Mail2026")
    let clean = try sandbox.run(["rules", "lint"])
    #expect(!clean.stderrText.contains("differs only in case"), "\(clean)")
  }
}
