import Testing
import ToasterSupport

@testable import TcpRules

/// toaster-dk-queue's variables: DKSIGN_ED25519, DKKEYFAIL, DKIMSIGN.
@Suite struct RulesLinterFilterSettingsTests {
  private func messages(_ text: String) -> [String] {
    RulesLinter.lint(Array(text.utf8), path: "tcp.smtp").map {
      "\($0.location.line):\($0.location.column) \($0.severity.rawValue): \($0.message)"
    }
  }

  static let sign = #"127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private""#

  @Test func aGoodSetIsClean() {
    let text =
      Self.sign
      + #",DKSIGN_ED25519="/var/qmail/control/domainkeys/%/ed1",DKKEYFAIL="bounce",DKIMSIGN="1""#
      + "\n"
    #expect(messages(text) == [])
  }

  @Test func theEd25519TemplateIsCheckedAsDKSIGNIs() {
    let text = Self.sign + #",DKSIGN_ED25519="keys/fixed/""# + "\n"
    #expect(
      messages(text) == [
        "1:92 warning: DKSIGN_ED25519: keys/fixed/ ends in /; the last component is the selector"
      ])
    let relative = messages(Self.sign + #",DKSIGN_ED25519="keys/ed1""# + "\n")
    #expect(relative.count == 2)
    #expect(relative.allSatisfy { $0.contains("DKSIGN_ED25519") })
  }

  @Test func theEd25519SelectorMayNotBeDKSIGNs() {
    let text = Self.sign + #",DKSIGN_ED25519="/var/qmail/control/domainkeys/%/private""# + "\n"
    let found = messages(text)
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix("1:92 error: DKSIGN_ED25519 has DKSIGN's selector private") == true)
  }

  @Test func oddFilterValuesAreWarnedAbout() {
    let text = Self.sign + #",DKKEYFAIL="soft",DKIMSIGN="no""# + "\n"
    #expect(
      messages(text) == [
        "1:87 warning: DKKEYFAIL=\"soft\" is neither defer nor bounce: toaster-dk-queue defers",
        "1:103 warning: DKIMSIGN=\"no\" signs DKIM; only 0 turns it off (write 1 or 0)",
      ])
  }
}
