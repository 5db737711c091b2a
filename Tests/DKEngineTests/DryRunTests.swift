import LibCrypto
import Testing

@testable import DKEngine

struct DryRunTests {
  static let text = "From: Alice <alice@example.com>\nSubject: hi\n\nHello\n"
  static let pem: [UInt8] = (try? TestKeys.rsa2048.pkcs8PEM()) ?? []
  static let keys: [String: QmailDK.KeyFile] = [
    "/var/qmail/control/domainkeys/example.com/private": .contents(pem)
  ]
  static let rule = QmailDKEnvironment([
    "RELAYCLIENT": "", "DKSIGN": "/var/qmail/control/domainkeys/%/private",
  ])

  private func sign(_ method: SigningMethod, rule: QmailDKEnvironment = rule) throws -> SignReport {
    var request = SignRequest(message: Array(Self.text.utf8), environment: rule, now: 1_700_000_000)
    request.method = method
    return try DryRun.sign(request) { Self.keys[$0] ?? .notFound }
  }

  @Test(arguments: SigningMethod.allCases)
  func signsAndSelfVerifies(method: SigningMethod) throws {
    let report = try sign(method)
    guard case .signed(let headers) = report.outcome else {
      Issue.record("\(report.outcome)")
      return
    }
    let check = try #require(report.selfCheck)
    #expect(check.domainKeys.status == (method == .dkim ? .noSignature : .ok))
    #expect(check.dkim.map(\.verdict) == [method == .dk ? .none : .pass])
    #expect(report.key?.selector == "private")
    let fields = String(decoding: headers, as: UTF8.self)
    #expect(fields.contains("DKIM-Signature") == (method != .dk))
  }

  @Test func signsWithoutSelfCheckWhenAsked() throws {
    var request = SignRequest(
      message: Array(Self.text.utf8), environment: Self.rule, now: 1_700_000_000)
    request.method = .both
    request.selfCheck = false
    let report = try DryRun.sign(request) { Self.keys[$0] ?? .notFound }
    #expect(report.selfCheck == nil)
    #expect(!report.headers.isEmpty)
    #expect(report.output == report.headers + request.message.array)
  }

  @Test func missingKeyAndVerifyModeAreReported() throws {
    let other = QmailDKEnvironment(["DKSIGN": "/elsewhere/%/private"])
    guard case .unsigned(let path) = try sign(.dk, rule: other).outcome else {
      Issue.record("expected unsigned")
      return
    }
    #expect(path == "/elsewhere/example.com/private")
    guard
      case .verifiesInstead("DEGIJKfh") = try sign(
        .dk, rule: QmailDKEnvironment(["DKVERIFY": "DEGIJKfh"])
      ).outcome
    else {
      Issue.record("expected verify mode")
      return
    }
  }

  @Test func verifyReportsDecisionForTheRuleOrOverride() throws {
    let report = try sign(.both)
    let signed = report.output
    let resolver = StaticKeyResolver(record: try #require(try report.key?.record()))
    let verified = DryRun.verify(
      VerifyRequest(
        message: signed, environment: QmailDKEnvironment(["DKVERIFY": "B"]), resolver: resolver,
        now: 1_700_000_000))
    #expect(verified.domainKeys.status == .ok)
    #expect(verified.decision == .accept)
    let tampered = DryRun.verify(
      VerifyRequest(
        message: signed.map { $0 == UInt8(ascii: "H") ? UInt8(ascii: "J") : $0 },
        environment: QmailDKEnvironment([:]), dkVerify: "B", resolver: resolver, now: 1_700_000_000)
    )
    #expect(tampered.domainKeys.status == .badSignature)
    #expect(tampered.decision == .permanentReject)
    #expect(tampered.qmailDK.smtpReply == "554 DomainKeys verify status: bad          (#5.3.0)")
    #expect(tampered.dkim.map(\.verdict) == [.fail(.bodyHash)])
  }
}

/// Counts the questions that reach it.
private final class CountingResolver: KeyResolver {
  let inner: any KeyResolver
  var names: [String] = []
  init(_ inner: any KeyResolver) { self.inner = inner }
  func lookup(selector: String, domain: String) -> KeyLookup {
    names.append("\(selector)._domainkey.\(domain)")
    return inner.lookup(selector: selector, domain: domain)
  }
}

struct SharedKeyLookupTests {
  @Test func domainKeysAndDKIMShareOneLookupPerMessage() throws {
    var request = SignRequest(
      message: Array(DryRunTests.text.utf8), environment: DryRunTests.rule, now: 1_700_000_000)
    request.method = .both
    let report = try DryRun.sign(request) { DryRunTests.keys[$0] ?? .notFound }
    let counting = CountingResolver(
      StaticKeyResolver(record: try #require(try report.key?.record())))
    let verified = DryRun.verify(
      VerifyRequest(
        message: report.output, environment: QmailDKEnvironment([:]), dkVerify: "DEGIJKfh",
        resolver: counting, now: 1_700_000_000))
    #expect(verified.domainKeys.status == .ok)
    #expect(verified.dkim.map(\.verdict) == [.pass])
    #expect(counting.names == ["private._domainkey.example.com"])
  }
}
