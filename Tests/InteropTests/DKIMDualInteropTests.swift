import DKEngine
import Foundation
import LibCrypto
import Testing

/// An rsa-sha256 and an ed25519-sha256 DKIM signature on one message (RFC 8463 §4), checked
/// by dkimpy (Mail::DKIM does not know Ed25519) with each record served for its own name.
struct DKIMDualInteropTests {
  static let records = [
    "rsa._domainkey.example.com": DKIMInteropTests.rsaRecord,
    "ed._domainkey.example.com": DKIMInteropTests.ed25519Record,
  ]

  private func dualSigned(_ text: String, canonicalization: String) throws -> [UInt8] {
    var request = SignRequest(
      message: Array(text.utf8), environment: QmailDKEnvironment([:]), now: DKIMInteropTests.now)
    request.method = .dkim
    try request.setCanonicalizations([canonicalization])
    request.keys = [
      try DKIMInteropTests.rsa.pkcs8PEM(), try DKIMInteropTests.ed25519.pkcs8PEM(),
    ]
    (request.selectors, request.domain) = (["rsa", "ed"], "example.com")
    let report = try DryRun.sign(request) { _ in .notFound }
    #expect(report.selfCheck?.dkim.map(\.verdict) == [.pass, .pass])
    return report.output
  }

  @Test(
    .enabled(if: DKPeer.dkimpyMissing == nil, "\(DKPeer.dkimpyMissing ?? "")"),
    arguments: DKIMInteropTests.corpus, DKIMInteropTests.canonicalizations)
  func dkimpyPassesBothOfOurSignatures(text: String, canonicalization: String) throws {
    let signed = try dualSigned(text, canonicalization: canonicalization)
    #expect(try DKPeer.dkimpyVerify(signed, records: Self.records) == ["pass", "pass"])
    var changed = signed
    changed[changed.count - 3] ^= 0x01
    #expect(try DKPeer.dkimpyVerify(changed, records: Self.records) == ["fail", "fail"])
  }

  @Test(.enabled(if: DKPeer.dkimpyMissing == nil, "\(DKPeer.dkimpyMissing ?? "")"))
  func wePassBothOfDkimpysSignatures() throws {
    let bytes = Array(DKIMInteropTests.corpus[0].utf8)
    let seed = try DKIMInteropTests.ed25519Seed(try DKIMInteropTests.ed25519.pkcs8PEM())
    let edField = try DKPeer.dkimpySign(
      bytes, keyFileBytes: Array(Base64.encode(seed).utf8), selector: "ed",
      domain: "example.com", canonicalization: "relaxed/relaxed", algorithm: "ed25519-sha256")
    let rsaField = try DKPeer.dkimpySign(
      bytes, keyFileBytes: try DKIMInteropTests.rsa.pkcs8PEM(), selector: "rsa",
      domain: "example.com", canonicalization: "relaxed/relaxed", algorithm: "rsa-sha256")
    let signed = Array((edField + rsaField).utf8) + bytes
    var lookups: [String: KeyLookup] = [:]
    for (name, record) in Self.records { lookups[name] = .found(texts: [record]) }
    let results = DKIMVerifier(
      resolver: StaticKeyResolver(records: lookups), now: Int(Date().timeIntervalSince1970)
    ).verify(Message(bytes: signed))
    #expect(results.map(\.verdict) == [.pass, .pass], "\(edField)\(rsaField)")
    #expect(results.map { $0.signature?.algorithm } == [.ed25519SHA256, .rsaSHA256])
  }
}
