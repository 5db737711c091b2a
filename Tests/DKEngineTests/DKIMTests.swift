import Foundation
import LibCrypto
import Testing

@testable import DKEngine

struct DKIMTests {
  static let plain =
    "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\nDate: today\n\nHello\n\n"
  static let now = 1_700_000_000

  private func signed(
    _ text: String, key: PrivateKey = TestKeys.rsa2048, options: DKIMSignerOptions = .init(),
    algorithm: DKIMAlgorithm? = nil
  ) throws -> String {
    let signer = try DKIMSigner(
      key: key, domain: "example.com", selector: "sel", algorithm: algorithm, options: options)
    let signature = try signer.sign(Message(text), at: Self.now)
    return String(decoding: signature.prependedHeader, as: UTF8.self) + text
  }

  private func verify(_ text: String, record: String, now: Int = now) -> [DKIMResult] {
    DKIMVerifier(resolver: StaticKeyResolver(record: record), now: now).verify(Message(text))
  }

  private var rsaRecord: String { TestKeys.rsaRecord(TestKeys.rsa2048, prefix: "v=DKIM1; k=rsa; ") }

  @Test func rfc8463AppendixAVectorPassesBothSignatures() throws {
    let url = try #require(
      Bundle.module.url(forResource: "Vectors/rfc8463-a3", withExtension: "eml"))
    let keysURL = try #require(
      Bundle.module.url(forResource: "Vectors/rfc8463-keys", withExtension: "txt"))
    var records: [String: KeyLookup] = [:]
    for line in try String(contentsOf: keysURL, encoding: .utf8).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      records[parts[0]] = .found(texts: [parts[1]])
    }
    let message = Message(bytes: Array(try Data(contentsOf: url)))
    let results = DKIMVerifier(resolver: StaticKeyResolver(records: records), now: Self.now)
      .verify(message)
    #expect(results.map(\.verdict) == [.pass, .pass])
    #expect(results.map { $0.signature?.algorithm } == [.ed25519SHA256, .rsaSHA256])
    #expect(results[0].keyBits == 256)
    let changed = Message(
      bytes: Array(try Data(contentsOf: url)).map {
        $0 == UInt8(ascii: "J") ? UInt8(ascii: "j") : $0
      })
    let failed = DKIMVerifier(resolver: StaticKeyResolver(records: records), now: Self.now)
      .verify(changed)
    #expect(failed.map(\.verdict) == [.fail(.bodyHash), .fail(.bodyHash)])
  }

  @Test(arguments: [Canonicalization.simple, .relaxed], [Canonicalization.simple, .relaxed])
  func signsAndVerifiesRSA(header: Canonicalization, body: Canonicalization) throws {
    var options = DKIMSignerOptions()
    options.headerCanonicalization = header
    options.bodyCanonicalization = body
    let results = verify(try signed(Self.plain, options: options), record: rsaRecord)
    #expect(results.map(\.verdict) == [.pass])
    #expect(results[0].signature?.signedHeaders == ["from", "from", "subject", "date", "to"])
  }

  @Test func signsAndVerifiesEd25519() throws {
    let text = try signed(Self.plain, key: TestKeys.ed25519)
    #expect(text.contains("a=ed25519-sha256"))
    #expect(
      verify(text, record: TestKeys.ed25519Record(TestKeys.ed25519)).map(\.verdict) == [.pass])
  }

  @Test func dualSignaturesAreJudgedSeparately() throws {
    let ed = try signed(Self.plain, key: TestKeys.ed25519)
    let both = try signed(ed)
    let records: [String: KeyLookup] = [:]
    let resolver = StaticKeyResolver(records: records)
    let results = DKIMVerifier(resolver: resolver, now: Self.now).verify(Message(both))
    #expect(results.count == 2)
    let rsaOnly = verify(both, record: rsaRecord)
    #expect(rsaOnly[0].verdict == .pass)
    #expect(rsaOnly[1].verdict == .permerror("key type rsa does not fit ed25519-sha256"))
  }

  @Test func bodyAndHeaderChangesFailWithTheirReason() throws {
    let text = try signed(Self.plain)
    #expect(
      verify(text.replacing("Hello", with: "Jello"), record: rsaRecord)[0].verdict
        == .fail(.bodyHash))
    #expect(
      verify(text.replacing("Subject: hi", with: "Subject: ho"), record: rsaRecord)[0].verdict
        == .fail(.signature))
    let added = text.replacing("From: Alice", with: "From: Mallory <m@evil.example>\nFrom: Alice")
    #expect(verify(added, record: rsaRecord)[0].verdict == .fail(.signature))
  }

  @Test func relaxedSurvivesWhitespaceChanges() throws {
    let text = try signed(Self.plain).replacing("Subject: hi", with: "Subject:   hi  ")
      .replacing("Hello\n", with: "Hello   \n\n\n")
    #expect(verify(text, record: rsaRecord)[0].verdict == .pass)
  }

  @Test func keyRecordProblems() throws {
    let text = try signed(Self.plain)
    let der = try TestKeys.rsa2048.publicKey().subjectPublicKeyInfoDER()
    let p = Base64.encode(der)
    #expect(verify(text, record: "v=DKIM1; p=")[0].verdict == .permerror("key revoked"))
    #expect(verify(text, record: "v=DKIM1; k=rsa")[0].verdict == .permerror("key record has no p="))
    #expect(
      verify(text, record: "v=DKIM2; p=\(p)")[0].verdict == .permerror("key record version DKIM2"))
    #expect(
      verify(text, record: "h=sha1; p=\(p)")[0].verdict
        == .permerror("key record does not allow sha256"))
    #expect(
      verify(text, record: "s=other; p=\(p)")[0].verdict
        == .permerror("key record is not for email"))
    #expect(verify(text, record: "k=rsa; p=\(p); t=y")[0].testing)
    let unresolved = DKIMVerifier(resolver: StaticKeyResolver(records: [:]), now: Self.now)
    #expect(unresolved.verify(Message(text))[0].verdict.word == "permerror")
    let temporary = StaticKeyResolver(records: [
      "sel._domainkey.example.com": .temporaryFailure(reason: "timeout from 127.0.0.1")
    ])
    let results = DKIMVerifier(resolver: temporary, now: Self.now).verify(Message(text))
    #expect(results[0].verdict == .temperror("timeout from 127.0.0.1"))
  }

  @Test func rsaKeysUnder1024BitsAreRejected() throws {
    let small = try PrivateKey.unsafeGenerateLegacyRSA(bits: 768)
    #expect(throws: DKEngineError.self) {
      try DKIMSigner(key: small, domain: "example.com", selector: "sel")
    }
    // A 1024-bit signature checked against a 768-bit record fails before any crypto.
    let text = try signed(Self.plain)
    let record = TestKeys.rsaRecord(small)
    #expect(
      verify(text, record: record)[0].verdict
        == .permerror("RSA key of 768 bits is under 1024 (RFC 8301)"))
  }

  @Test func rsaSHA1FailsUnderRFC8301UnlessLegacyIsAccepted() throws {
    let text = try signed(Self.plain, algorithm: .legacyRSASHA1)
    let result = verify(text, record: rsaRecord)[0]
    #expect(
      result.verdict
        == .permerror("rsa-sha1 is not accepted under RFC 8301 (the signature itself verified)"))
    let legacy = DKIMVerifier(
      resolver: StaticKeyResolver(record: rsaRecord), now: Self.now, acceptsLegacyRSASHA1: true)
    let accepted = legacy.verify(Message(text))[0]
    #expect(accepted.verdict == .pass)
    #expect(accepted.isWeak)
    // A tampered rsa-sha1 signature is still a plain fail.
    let tampered = text.replacing("Subject:", with: "Subject: x")
    #expect(verify(tampered, record: rsaRecord)[0].verdict.word == "fail")
    #expect(try !signed(Self.plain).contains("rsa-sha1"))
  }

  // RFC 6376 §6.1.2 lets a verifier try each record: during a rotation the old and the new
  // key sit side by side, and a non-key TXT (SPF) is skipped.
  @Test func triesEachRecordAtTheName() throws {
    let text = try signed(Self.plain)
    let other = TestKeys.rsaRecord(TestKeys.rsa1024, prefix: "v=DKIM1; k=rsa; ")
    let name = "sel._domainkey.example.com"
    let resolver = StaticKeyResolver(records: [
      name: .found(texts: ["v=spf1 -all", other, rsaRecord])
    ])
    let result = DKIMVerifier(resolver: resolver, now: Self.now).verify(Message(text))[0]
    #expect(result.verdict == .pass)
    #expect(result.keyRecordCount == 3)
    #expect(result.keyUsed == 2)
    let wrongOnly = StaticKeyResolver(records: [name: .found(texts: [other])])
    let failed = DKIMVerifier(resolver: wrongOnly, now: Self.now).verify(Message(text))[0]
    #expect(failed.verdict == .fail(.signature))
  }

  @Test func expiryUsesTheInjectedClock() throws {
    var options = DKIMSignerOptions()
    options.expiresAfter = 3600
    let text = try signed(Self.plain, options: options)
    #expect(verify(text, record: rsaRecord, now: Self.now + 3599)[0].verdict == .pass)
    #expect(
      verify(text, record: rsaRecord, now: Self.now + 3601)[0].verdict
        == .permerror("signature expired"))
  }

  @Test func bodyLengthLetsAFooterThroughButSaysSo() throws {
    var options = DKIMSignerOptions()
    options.includeBodyLength = true
    let text = try signed(Self.plain, options: options) + "-- \nlist footer\n"
    let result = verify(text, record: rsaRecord)[0]
    #expect(result.verdict == .pass)
    #expect(result.hasUnsignedBodyContent)
  }

  @Test func noSignatureIsNone() {
    #expect(verify(Self.plain, record: rsaRecord).map(\.verdict) == [.none])
  }

  @Test(arguments: [
    ("a=rsa-sha256; d=x; s=y; h=from; bh=AA==; b=AA==", "missing v= tag"),
    ("v=1; a=rsa-md5; d=x; s=y; h=from; bh=AA==; b=AA==", "unsupported algorithm rsa-md5"),
    ("v=1; a=rsa-sha256; d=x; s=y; h=to; bh=AA==; b=AA==", "From field not signed"),
    (
      "v=1; a=rsa-sha256; d=x; s=y; h=from; bh=AA==; b=AA==; i=@z",
      "i= domain is not d= or a subdomain of it"
    ),
    ("v=1; a=rsa-sha256; d=x; s=y; h=from; bh=A!; b=AA==", "bad base64 in bh= or b="),
    ("v=1; a=rsa-sha256; d=x; s=y; h=from; bh=AA==; b=AA==; l=-1", "l= is not a number"),
    (
      "v=1; a=rsa-sha256; d=x; s=y; h=from; bh=AA==; b=AA==; c=nofws",
      "unsupported canonicalization nofws"
    ),
  ])
  func malformedSignaturesArePermanentErrors(value: String, reason: String) {
    #expect(throws: DKEngineError.invalidSignatureHeader(reason)) {
      try SignatureHeader(value: Array(value.utf8))
    }
  }

  @Test func emptyingBLeavesOtherTagsAlone() {
    let field = Array("DKIM-Signature: v=1; z=a|b=3Dx; bh=AA=;\r\n b=abc\r\n def".utf8)
    let stripped = DKIMHeaderHasher.removingSignatureValue(field[...])
    #expect(
      String(decoding: stripped, as: UTF8.self) == "DKIM-Signature: v=1; z=a|b=3Dx; bh=AA=;\r\n b=")
  }
}
