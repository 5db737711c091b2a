import DNS
import DomainCheck
import Testing

struct SelectorCheckTests {
  let key = Keys.rsa2048

  func codes(_ check: SelectorCheck, _ severity: Finding.Severity) -> [String] {
    check.findings.filter { $0.severity == severity }.map(\.code)
  }

  @Test func theLocalKeyPublishedMatches() {
    let check = Keys.check(Keys.target(key), Keys.answer(["v=DKIM1; k=rsa; p=\(key)"]))
    #expect(check.status == .matches)
    #expect(check.severity == .info)
    #expect(check.records.map(\.stringLengths) == [[127, 127, 127, 29]])
    #expect(check.records.map(\.matchesLocal) == [true])
    #expect(check.ttl == 600)
    #expect(codes(check, .info).contains("matches"))
    #expect(codes(check, .warning).isEmpty)
  }

  @Test func anotherKeyIsAStaleRecord() {
    let check = Keys.check(
      Keys.target(key), Keys.answer(["v=DKIM1; k=rsa; p=\(Keys.other2048)"]))
    #expect(check.status == .differentKey)
    #expect(codes(check, .error) == ["different-key"])
    #expect(check.findings[0].message.contains("toaster-dk domain dns example.com prints"))
  }

  @Test(arguments: [("NXDOMAIN", true), ("NODATA", false)])
  func anAbsentRecordIsNotPublished(what: String, nxdomain: Bool) {
    let negative = NegativeAnswer(name: "private._domainkey.example.com", ttl: 2560)
    let check = Keys.check(Keys.target(key), nxdomain ? .nxdomain(negative) : .nodata(negative))
    #expect(check.status == .notPublished)
    #expect(codes(check, .error) == ["not-published"])
    #expect(check.findings[0].message.contains("(\(what) from 127.0.0.1)"))
    #expect(check.ttl == 2560)
    #expect(codes(check, .info) == ["negative-ttl"])
  }

  @Test func aServerFailureIsTemporary() {
    let check = Keys.check(Keys.target(key), .temporaryFailure(.serverFailure(rcode: 2)))
    #expect(check.status == .temporaryFailure)
    #expect(check.severity == .temporary)
    #expect(check.findings[0].message.contains("SERVFAIL (or REFUSED"))
    #expect(DomainCheckVerdict(check.findings) == .temporary)
  }

  @Test func aServerFailureForAKeyTooBigForUDPIsThe512ByteProblem() {
    let check = Keys.check(
      Keys.target(Keys.rsa4096), .temporaryFailure(.serverFailure(rcode: 2)))
    #expect(codes(check, .error) == ["udp-size"])
    #expect(DomainCheckVerdict(check.findings) == .problem)
    // A timeout is not a truncation: no guess about the size.
    let timeout = Keys.check(Keys.target(Keys.rsa4096), .temporaryFailure(.timeout(seconds: 1)))
    #expect(codes(timeout, .error).isEmpty)
  }

  @Test func aBigAnswerThatArrivedIsAWarning() {
    let check = Keys.check(
      Keys.target(Keys.rsa4096), Keys.answer(["v=DKIM1; k=rsa; p=\(Keys.rsa4096)"]))
    #expect(check.status == .matches)
    #expect(codes(check, .warning) == ["udp-size"])
  }

  @Test(arguments: [
    ("v=DKIM1; k=rsa; p=", SelectorStatus.revoked, "revoked"),
    ("v=DKIM1; k=rsa", .unusable, "no-p"),
    ("v=DKIM1; k=rsa; p=!!!", .unusable, "bad-base64"),
    ("hello world", .unusable, "syntax"),
    ("v=DKIM1; k=rsa; p=AAAA", .unusable, "bad-key"),
  ])
  func unusableRecords(text: String, status: SelectorStatus, code: String) {
    let check = Keys.check(Keys.target(key), Keys.answer([text]))
    #expect(check.status == status)
    #expect(codes(check, .error).contains(code))
  }

  @Test func twoRecordsSayWhichOneVerifiersTake() {
    let check = Keys.check(
      Keys.target(key),
      Keys.answer(["v=DKIM1; k=rsa; p=\(Keys.other2048)", "v=DKIM1; k=rsa; p=\(key)"]))
    #expect(check.status == .differentKey)
    #expect(check.records.map(\.matchesLocal) == [false, true])
    #expect(codes(check, .error).sorted() == ["different-key", "several-records"])
    let several = check.findings.first { $0.code == "several-records" }
    #expect(several?.message.contains("record #1, served first now, has another key") == true)
  }

  @Test(arguments: [
    ("v=DKIM1; k=rsa; t=y; p=KEY", Finding.Severity.warning, "testing"),
    ("v=DKIM1; k=rsa; h=sha1; p=KEY", .error, "hash"),
    ("v=DKIM1; k=rsa; s=other; p=KEY", .error, "service"),
    ("v=DKIM2; k=rsa; p=KEY", .error, "version"),
    ("k=rsa; v=DKIM1; p=KEY", .error, "version"),
    ("v=DKIM1; k=ed25519; p=KEY", .error, "key-type"),
    ("v=DKIM1; k=dsa; p=KEY", .error, "key-type"),
    ("v=DKIM1; k=rsa; t=s; p=KEY", .info, "strict"),
    ("v=DKIM1; k=rsa; key_name=x; p=KEY", .error, "domainkeys-syntax"),
  ])
  func recordHygiene(text: String, severity: Finding.Severity, code: String) {
    let record = text.replacing("KEY", with: key)
    let check = Keys.check(Keys.target(key), Keys.answer([record]))
    #expect(codes(check, severity).contains(code), "\(String(describing: check.findings))")
  }

  @Test func theOrdinaryRecordHasNoHygieneFindings() {
    let check = Keys.check(Keys.target(key), Keys.answer(["v=DKIM1; k=rsa; p=\(key)"]))
    #expect(
      codes(check, .info).sorted() == ["matches", "strings", "ttl"],
      "\(String(describing: check.findings))")
  }

  @Test(arguments: [(3600, false), (86400, false), (86401, true)])
  func theTTLIsShownAndAVeryLongOneIsAWarning(ttl: Int, warned: Bool) {
    let check = Keys.check(Keys.target(key), Keys.answer(["v=DKIM1; k=rsa; p=\(key)"], ttl: ttl))
    #expect(check.ttl == ttl)
    #expect(
      check.findings.contains {
        $0.code == "ttl" && $0.message == "private._domainkey.example.com: TTL \(ttl) s"
      })
    #expect(codes(check, .warning) == (warned ? ["long-ttl"] : []))
    #expect(check.status == .matches)
  }

  @Test func aSplitOutsideTheKeyValueIsAWarning() {
    let strings = ["v=DKIM1; k=rsa; ", "p=", String(key.prefix(100)), String(key.dropFirst(100))]
    let outcome = TXTOutcome.records(
      TXTAnswer(
        name: "private._domainkey.example.com",
        records: [TXTRecord(strings: strings.map { Array($0.utf8) })], ttl: 60))
    let check = Keys.check(Keys.target(key), outcome)
    #expect(check.status == .matches)
    #expect(codes(check, .warning) == ["split"])
    #expect(check.findings[0].message.contains("at byte 16, 18)"))
    #expect(check.records[0].stringLengths == [16, 2, 100, key.count - 100])
  }

  @Test func aCNAMEChainIsShown() {
    let check = Keys.check(
      Keys.target(key),
      Keys.answer(
        ["v=DKIM1; k=rsa; p=\(key)"], cnames: ["k1.example.com", "keys.example.net"]))
    #expect(check.cnameChain == ["k1.example.com", "keys.example.net"])
    let cname = check.findings.first { $0.code == "cname" }
    #expect(
      cname?.message
        == "private._domainkey.example.com is a CNAME: private._domainkey.example.com →"
        + " k1.example.com → keys.example.net; the key is served from keys.example.net")
    #expect(check.findings.contains { $0.code == "cname-outside" })
  }

  @Test func aSelectorTcpSmtpUsesWithoutALocalKeyIsAnError() {
    let use = TemplateUse(
      path: "/etc/tcprules.d/tcp.smtp", line: 2,
      template: "/var/qmail/control/domainkeys/%/private", selector: "private")
    let check = Keys.check(
      Keys.target(nil, uses: [use]),
      .nxdomain(NegativeAnswer(name: "private._domainkey.example.com", ttl: 300)))
    #expect(codes(check, .error) == ["no-local-key"])
    #expect(
      check.findings.contains {
        $0.code == "used-by" && $0.message.hasPrefix("/etc/tcprules.d/tcp.smtp:2 DKSIGN=")
      })
  }

  @Test func bogusIsAnError() {
    let check = Keys.check(Keys.target(key), .bogus("no DNSKEY rrset"))
    #expect(check.status == .bogus)
    // --json's "dnssec" says bogus, as it says secure or insecure for validated answers.
    #expect(check.dnssec == "bogus")
    #expect(DomainCheckVerdict(check.findings) == .problem)
  }
}
