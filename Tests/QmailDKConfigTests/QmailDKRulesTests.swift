import QmailDKConfig
import Testing

@Suite struct QmailDKRulesTests {
  @Test func theModeTableIsQmailDK06s() {
    let sign = QmailDKRules.mode(relayClient: "", dkSign: "/k/%/s", dkVerify: "B")
    #expect(sign == .sign(template: "/k/%/s"))
    #expect(
      QmailDKRules.mode(relayClient: "", dkSign: nil, dkVerify: "B") == .verify(letters: "B"))
    #expect(
      QmailDKRules.mode(relayClient: "", dkSign: nil, dkVerify: nil)
        == .sign(template: "/var/qmail/control/domainkeys/%/default"))
    #expect(QmailDKRules.mode(relayClient: nil, dkSign: "/k/%/s", dkVerify: nil) == .passThrough)
    #expect(
      QmailDKRules.mode(relayClient: nil, dkSign: "/k/%/s", dkVerify: "") == .verify(letters: ""))
  }

  @Test func onlyTheFirstPercentIsTheDomainAndTheLastComponentTheSelector() {
    #expect(QmailDKRules.keyPath(template: "/k/%/%x", domain: "a.b") == "/k/a.b/%x")
    #expect(QmailDKRules.keyPath(template: "/k/fixed", domain: "a.b") == "/k/fixed")
    #expect(QmailDKRules.selector(ofTemplate: QmailDKRules.toasterSignTemplate) == "private")
    #expect(QmailDKRules.selector(ofTemplate: QmailDKRules.builtInSignTemplate) == "default")
    #expect(QmailDKRules.templateProblem("/k/%/") != nil)
    #expect(QmailDKRules.templateProblem("/k/%") != nil)
    #expect(QmailDKRules.templateProblem("/k/%/ed1") == nil)
  }

  @Test func filterSettingsKeepTheirDefaultsForOddValues() {
    #expect(QmailDKRules.keyFailure(nil) == .temporary)
    #expect(QmailDKRules.keyFailure("bounce") == .permanent)
    #expect(QmailDKRules.keyFailure("Bounce") == nil)
    #expect(QmailDKRules.signsDKIM(nil) && QmailDKRules.signsDKIM("no"))
    #expect(!QmailDKRules.signsDKIM("0"))
    #expect(QmailDKRules.dkimSignProblem("1") == nil)
    #expect(QmailDKRules.dkimSignProblem("no") != nil)
  }
}
