import DKEngine
import Testing

@Suite struct AuthenticationResultsTests {
  static let unsigned = Message(bytes: Array("From: a@example.com\n\nbody\n".utf8))

  @Test func unsignedMessageGetsNoneForBothMethods() {
    let resolver = StaticKeyResolver(records: [:])
    let report = DryRun.verify(
      VerifyRequest(
        message: Array("From: a@example.com\n\nbody\n".utf8),
        environment: QmailDKEnvironment(["DKVERIFY": ""]), resolver: resolver, now: 0))
    let field = AuthenticationResults.field(
      authservID: "mail.example.com", domainKeys: report.domainKeys, dkim: report.dkim,
      lineEnding: "\r\n")
    #expect(
      String(decoding: field, as: UTF8.self)
        == "Authentication-Results: mail.example.com;\r\n\tdkim=none;\r\n\tdomainkeys=none\r\n")
  }

  @Test func anAuthservIDThatIsNoTokenIsQuoted() {
    let report = DryRun.verify(
      VerifyRequest(
        message: Array("From: a@example.com\n\nbody\n".utf8),
        environment: QmailDKEnvironment(["DKVERIFY": ""]),
        resolver: StaticKeyResolver(records: [:]), now: 0))
    let field = AuthenticationResults.field(
      authservID: "odd \"host\"", domainKeys: report.domainKeys, dkim: report.dkim,
      lineEnding: "\n")
    #expect(
      String(decoding: field, as: UTF8.self).hasPrefix(
        "Authentication-Results: \"odd \\\"host\\\"\";\n"))
  }

  @Test(arguments: [
    ("Authentication-Results: mail.example.com; none\n", true),
    ("authentication-results:MAIL.EXAMPLE.COM;dkim=pass\n", true),
    ("Authentication-Results: (c (nested) \\) ) mail.example.com 1; none\n", true),
    ("Authentication-Results:\n \"mail.example.com\"; none\n", true),
    ("Authentication-Results: mail.example.com.evil; none\n", false),
    ("Authentication-Results: evil.example; dkim=pass header.d=mail.example.com\n", false),
    ("X-Authentication-Results: mail.example.com; none\n", false),
  ])
  func fieldsClaimingOurIDAreFoundWithTheirLineEnd(field: String, claims: Bool) {
    let text =
      "From: a@example.com\n" + field + "Subject: s\n\nAuthentication-Results: mail.example.com\n"
    let message = Message(bytes: Array(text.utf8))
    let ranges = AuthenticationResults.fieldsClaiming("mail.example.com", in: message)
    #expect(ranges.count == (claims ? 1 : 0))
    if let range = ranges.first {
      #expect(String(decoding: message.headerBytes[range], as: UTF8.self) == field)
    }
  }

  @Test func crlfLineEndsAreRemovedWithTheField() {
    let text = "Authentication-Results: mail.example.com; none\r\nFrom: a@b.c\r\n\r\nx\r\n"
    let message = Message(bytes: Array(text.utf8))
    let ranges = AuthenticationResults.fieldsClaiming("mail.example.com", in: message)
    #expect(ranges == [0..<48])
  }
}
