import LibCrypto
import Testing

@testable import DKEngine

/// t= and x= judged against the injected clock (RFC 6376 §3.5, §6.1.1).
struct DKIMVerifierTimeTests {
  static let text = "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n"
  static let signedAt = 1_700_000_000

  private var record: String { TestKeys.rsaRecord(TestKeys.rsa2048, prefix: "v=DKIM1; k=rsa; ") }

  private func signed(expiresAfter: Int? = nil) throws -> String {
    var options = DKIMSignerOptions()
    options.expiresAfter = expiresAfter
    let signer = try DKIMSigner(
      key: TestKeys.rsa2048, domain: "example.com", selector: "sel", options: options)
    let signature = try signer.sign(Message(Self.text), at: Self.signedAt)
    return String(decoding: signature.prependedHeader, as: UTF8.self) + Self.text
  }

  private func verdict(_ text: String, now: Int, skew: Int = DKIMVerifier.defaultClockSkew)
    -> DKIMResult.Verdict
  {
    DKIMVerifier(resolver: StaticKeyResolver(record: record), now: now, allowedClockSkew: skew)
      .verify(Message(text))[0].verdict
  }

  @Test func expiredSignatureIsPermerrorSignatureExpired() throws {
    let text = try signed(expiresAfter: 60)
    #expect(verdict(text, now: Self.signedAt + 60) == .pass)
    #expect(verdict(text, now: Self.signedAt + 61) == .permerror("signature expired"))
  }

  @Test func expiredIsReportedEvenWhenTheKeyIsMissing() throws {
    let text = try signed(expiresAfter: 60)
    let result = DKIMVerifier(resolver: StaticKeyResolver(records: [:]), now: Self.signedAt + 61)
      .verify(Message(text))[0]
    #expect(result.verdict == .permerror("signature expired"))
    #expect(result.signature?.expiration == Self.signedAt + 60)
  }

  @Test func timestampWithinTheClockSkewPasses() throws {
    let text = try signed()
    let now = Self.signedAt - DKIMVerifier.defaultClockSkew
    #expect(verdict(text, now: now) == .pass)
  }

  @Test func timestampInTheFutureIsReported() throws {
    let text = try signed()
    let now = Self.signedAt - DKIMVerifier.defaultClockSkew - 1
    #expect(
      verdict(text, now: now)
        == .permerror("signature timestamp t= is 301 seconds in the future"))
    #expect(verdict(text, now: Self.signedAt - 10, skew: 0) != .pass)
  }

  @Test func signatureWithoutTimesNeverExpires() throws {
    var options = DKIMSignerOptions()
    options.includeTimestamp = false
    let signer = try DKIMSigner(
      key: TestKeys.rsa2048, domain: "example.com", selector: "sel", options: options)
    let text =
      String(decoding: try signer.sign(Message(Self.text), at: 0).prependedHeader, as: UTF8.self)
      + Self.text
    let result = DKIMVerifier(resolver: StaticKeyResolver(record: record), now: 0)
      .verify(Message(text))[0]
    #expect(result.signature?.timestamp == nil)
    #expect(result.verdict == .pass)
    #expect(verdict(text, now: Int(Int32.max)) == .pass)
  }
}
