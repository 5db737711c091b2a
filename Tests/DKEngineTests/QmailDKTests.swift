import LibCrypto
import Testing

@testable import DKEngine

struct QmailDKTests {
  static let message = Message("From: Alice <alice@Example.COM>\nSubject: hi\n\nHello\n")
  static let pem: [UInt8] = (try? TestKeys.rsa1024.pkcs8PEM()) ?? []
  static let resolver = StaticKeyResolver(record: TestKeys.rsaRecord(TestKeys.rsa1024))

  private func run(
    _ variables: [String: String], message: Message = message,
    keys: [String: QmailDK.KeyFile] = [:]
  ) -> QmailDKOutcome {
    QmailDK.process(
      message, environment: QmailDKEnvironment(variables),
      readKey: { keys[$0] ?? .notFound }, resolver: Self.resolver)
  }

  @Test func modeFollowsQMT06Beta2() {
    #expect(QmailDKEnvironment([:]).mode == .passThrough)
    #expect(QmailDKEnvironment(["DKVERIFY": "B"]).mode == .verify(letters: "B"))
    #expect(
      QmailDKEnvironment(["RELAYCLIENT": ""]).mode
        == .sign(template: QmailDKEnvironment.defaultSignTemplate))
    #expect(QmailDKEnvironment(["RELAYCLIENT": "", "DKVERIFY": "B"]).mode == .verify(letters: "B"))
    #expect(
      QmailDKEnvironment(["RELAYCLIENT": "", "DKVERIFY": "B", "DKSIGN": "/k/%/p"]).mode
        == .sign(template: "/k/%/p"))
    #expect(QmailDKEnvironment(["DKSIGN": "/k/%/p"]).mode == .passThrough)
  }

  @Test func selectorAndPercentSubstitution() {
    #expect(QmailDK.selector(forTemplate: "/var/qmail/control/domainkeys/%/private") == "private")
    #expect(QmailDK.selector(forTemplate: "/keys/%") == "%")
    #expect(QmailDK.keyPath(template: "/k/%/%/p", domain: "EX.com") == "/k/EX.com/%/p")
  }

  @Test func signsWithTheSenderDomainCasePreserved() {
    let outcome = run(
      ["RELAYCLIENT": "", "DKSIGN": "/k/%/private"],
      keys: ["/k/Example.COM/private": .contents(Self.pem)])
    guard case .signed(let signature) = outcome.action else {
      Issue.record("not signed: \(outcome.action)")
      return
    }
    #expect(signature.domain == "Example.COM")
    #expect(signature.selector == "private")
    #expect(outcome.keyPath == "/k/Example.COM/private")
    let text = String(decoding: outcome.prependedHeaders, as: UTF8.self)
    #expect(text.hasPrefix("Comment: DomainKeys? See http://antispam.yahoo.com/domainkeys\n"))
  }

  @Test func missingKeyUnderPercentPassesUnsignedWithoutPercentRejects() {
    let silent = run(["RELAYCLIENT": "", "DKSIGN": "/k/%/private"])
    #expect(silent.action == .unsignedMissingKey(path: "/k/Example.COM/private"))
    #expect(silent.prependedHeaders.isEmpty)
    let fixed = run(["RELAYCLIENT": "", "DKSIGN": "/k/example/private"])
    #expect(fixed.smtpReply == "554 qmail-dk: Couldn't read signature file for signing. (#5.3.0)")
    let denied = run(
      ["RELAYCLIENT": "", "DKSIGN": "/k/%/private"],
      keys: ["/k/Example.COM/private": .unreadable("permission denied")])
    #expect(denied.isRejected)
  }

  @Test func badKeyAndBadSyntaxGiveQmailDKTexts() {
    let badKey = run(
      ["RELAYCLIENT": "", "DKSIGN": "/k/%/p"],
      keys: ["/k/Example.COM/p": .contents(Array("x".utf8))])
    #expect(
      badKey.action == .rejected(text: QmailDK.invalidKeyText, exitCode: 82, verification: nil))
    let twoFrom = run(["RELAYCLIENT": ""], message: Message("From: a@b.c\nFrom: d@e.f\n\nx\n"))
    #expect(twoFrom.action == .rejected(text: QmailDK.syntaxText, exitCode: 82, verification: nil))
  }

  @Test func keyFileIsReadLikeControlReadfile() {
    let text = "# comment\n-----BEGIN X-----  \n\nAAAA\t\n-----END X-----\n"
    #expect(
      String(decoding: QmailDK.controlFileContents(Array(text.utf8)), as: UTF8.self)
        == "-----BEGIN X-----\nAAAA\n-----END X-----\n")
    var commented = Self.pem
    commented.insert(contentsOf: Array("# toaster key\n\n".utf8), at: 0)
    let outcome = run(
      ["RELAYCLIENT": "", "DKSIGN": "/k/%/p"], keys: ["/k/Example.COM/p": .contents(commented)])
    #expect(!outcome.isRejected)
  }

  @Test func verifyAddsStatusHeaderOrRejectsPerDKVERIFY() throws {
    let signer = DomainKeysSigner(key: TestKeys.rsa1024, selector: "private")
    let signature = try signer.sign(Self.message)
    let signed = Message(bytes: signature.prependedHeaders() + Self.message.headerBytes.array)
    let good = run(["DKVERIFY": "DEGIJKfh"], message: signed)
    #expect(
      String(decoding: good.prependedHeaders, as: UTF8.self) == "DomainKey-Status: good        \n")
    let unsigned = run(["DKVERIFY": "C"], message: Self.message)
    #expect(unsigned.smtpReply == "554 DomainKeys verify status: no signature (#5.3.0)")
    let temporary = run(["DKVERIFY": "Cc"], message: Self.message)
    #expect(temporary.smtpReply == "451 DomainKeys verify status: no signature (#4.3.0)")
    let lenient = run(["DKVERIFY": "C?"], message: Self.message)
    #expect(lenient.isRejected && lenient.warnings.count == 1)
  }
}
