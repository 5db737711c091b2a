import DNS
import DomainCheck
import Testing

struct PolicyCheckTests {
  func txt(_ name: String, _ texts: [String]) -> TXTOutcome {
    .records(TXTAnswer(name: name, records: texts.map { Keys.record($0) }, ttl: 60))
  }

  @Test(arguments: [
    ("v=DMARC1; p=reject", false, Finding.Severity.error, "p=reject"),
    ("v=DMARC1; p=reject", true, .info, "p=reject"),
    ("v=DMARC1; p=quarantine", false, .warning, "p=quarantine"),
    ("v=DMARC1; p=none", false, .info, "p=none"),
  ])
  func dmarcAgainstSigning(text: String, signed: Bool, worst: Finding.Severity, policy: String) {
    let check = PolicyCheck.dmarc(
      domain: "example.com", outcome: txt("_dmarc.example.com", [text]), server: "x",
      signed: signed)
    #expect(check.policy == policy)
    #expect((check.findings.map(\.severity).max() ?? .info) == worst)
  }

  @Test func twoDMARCRecordsAreNoDMARC() {
    let check = PolicyCheck.dmarc(
      domain: "example.com",
      outcome: txt("_dmarc.example.com", ["v=DMARC1; p=none", "v=DMARC1; p=reject", "other"]),
      server: "x", signed: true)
    #expect(check.policy == nil)
    #expect(check.findings.map(\.severity) == [.error])
  }

  @Test func aMissingDMARCRecordIsANote() {
    let check = PolicyCheck.dmarc(
      domain: "example.com", outcome: .nxdomain(NegativeAnswer(name: "_dmarc.example.com", ttl: 1)),
      server: "x", signed: false)
    #expect(check.findings.map(\.severity) == [.info])
  }

  @Test func theDomainKeysPolicy() {
    let allSigned = PolicyCheck.domainKeys(
      domain: "example.com", outcome: txt("_domainkey.example.com", ["t=y; o=-"]),
      server: "x", signed: false)
    #expect(allSigned.policy == "o=-")
    #expect(allSigned.findings.map(\.code).sorted() == ["policy", "policy-testing"])
    let failing = PolicyCheck.domainKeys(
      domain: "example.com", outcome: .temporaryFailure(.timeout(seconds: 1)), server: "x",
      signed: true)
    #expect(failing.findings.map(\.severity) == [.temporary])
  }

  @Test func targetsAreTheLocalKeysThenTheTemplateSelectors() {
    let uses = [
      TemplateUse(path: "t", line: 1, template: "/k/%/private", selector: "private"),
      TemplateUse(path: "t", line: 3, template: "/k/%/mail2026", selector: "mail2026"),
    ]
    let targets = CheckTarget.targets(
      domains: ["example.com"], halves: [Keys.half("AAAA", selector: "ed")], uses: uses)
    #expect(targets.map(\.selector) == ["ed", "private", "mail2026"])
    #expect(targets.map { $0.local != nil } == [true, false, false])
    #expect(targets[1].uses.map(\.line) == [1])
  }
}
