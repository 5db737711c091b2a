import DKEngine
import Foundation
import LibCrypto
import Testing

struct DKIMInteropTests {
  static let rsa: PrivateKey = {
    guard let key = try? PrivateKey.generateRSA(bits: 2048) else { fatalError("keygen") }
    return key
  }()
  static let ed25519: PrivateKey = {
    guard let key = try? PrivateKey.generateEd25519() else { fatalError("keygen") }
    return key
  }()
  static var rsaRecord: String {
    "v=DKIM1; k=rsa; p=" + Base64.encode((try? rsa.publicKey().subjectPublicKeyInfoDER()) ?? [])
  }
  static var ed25519Record: String {
    "v=DKIM1; k=ed25519; p=" + Base64.encode((try? ed25519.publicKey().ed25519Raw()) ?? [])
  }
  static let now = 1_750_000_000

  static let corpus: [String] = [
    "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n",
    "From: a@example.com\r\nSubject: crlf\r\n\r\nbody\r\n\r\n\r\n",
    "From: a@example.com\nSubject: folded\n  over\n\tlines\n\n  spaced   body \t\n\n",
    "From: a@example.com\nSubject: empty body\n\n",
    "From: a@example.com\nTo: x@example.net,\n y@example.net\nCc: z@example.org\n\n"
      + String(repeating: "long line ", count: 500) + "\n",
    "From: a@example.com\nSubject: caf\u{e9} 8-bit\n\nna\u{ef}ve\n",
  ]

  static let canonicalizations = ["relaxed/relaxed", "simple/simple", "relaxed/simple"]

  private func ours(_ text: String, key: PrivateKey, canonicalization: String) throws -> [UInt8] {
    var options = DKIMSignerOptions()
    let parts = canonicalization.split(separator: "/").map(String.init)
    options.headerCanonicalization = Canonicalization(word: parts[0]) ?? .relaxed
    options.bodyCanonicalization = Canonicalization(word: parts[1]) ?? .relaxed
    let signer = try DKIMSigner(key: key, domain: "example.com", selector: "sel", options: options)
    let message = Message(bytes: Array(text.utf8))
    return try signer.sign(message, at: Self.now).prependedHeader + message.bodyBytes.array
  }

  // The real clock: the peers sign with t= set to the present, which a fixed clock in the
  // past would see as a timestamp in the future.
  private func weVerify(_ bytes: [UInt8], record: String) -> [DKIMResult.Verdict] {
    DKIMVerifier(
      resolver: StaticKeyResolver(record: record), now: Int(Date().timeIntervalSince1970)
    )
    .verify(Message(bytes: bytes)).map(\.verdict)
  }

  @Test(
    .enabled(if: DKPeer.mailDKIMMissing == nil, "\(DKPeer.mailDKIMMissing ?? "")"),
    arguments: corpus, canonicalizations)
  func mailDKIMVerifiesOurRSASignatures(text: String, canonicalization: String) throws {
    let signed = try ours(text, key: Self.rsa, canonicalization: canonicalization)
    let verdicts = try DKPeer.mailDKIMVerify(signed, record: Self.rsaRecord)
    #expect(verdicts.first?.hasPrefix("DKIM pass") == true, "\(verdicts)")
  }

  @Test(
    .enabled(if: DKPeer.dkimpyMissing == nil, "\(DKPeer.dkimpyMissing ?? "")"),
    arguments: corpus, canonicalizations)
  func dkimpyVerifiesOurRSAAndEd25519Signatures(text: String, canonicalization: String) throws {
    let rsa = try ours(text, key: Self.rsa, canonicalization: canonicalization)
    #expect(try DKPeer.dkimpyVerify(rsa, record: Self.rsaRecord) == ["pass"])
    let ed = try ours(text, key: Self.ed25519, canonicalization: canonicalization)
    #expect(try DKPeer.dkimpyVerify(ed, record: Self.ed25519Record) == ["pass"])
  }

  @Test(
    .enabled(if: DKPeer.mailDKIMMissing == nil, "\(DKPeer.mailDKIMMissing ?? "")"),
    arguments: corpus, ["relaxed/relaxed", "simple/simple"])
  func weVerifyMailDKIMSignatures(text: String, canonicalization: String) throws {
    let bytes = Array(text.utf8)
    let field = try DKPeer.mailDKIMSign(
      bytes, key: Self.rsa, mode: "sign-dkim", selector: "sel", domain: "example.com",
      method: canonicalization, algorithm: "rsa-sha256")
    let signed = Array((field + "\r\n").utf8) + bytes
    #expect(weVerify(signed, record: Self.rsaRecord) == [.pass], "\(field)")
    var changed = signed
    changed[changed.count - 3] ^= 0x01
    #expect(weVerify(changed, record: Self.rsaRecord) == [.fail(Self.expectedFailure(text))])
  }

  @Test(
    .enabled(if: DKPeer.dkimpyMissing == nil, "\(DKPeer.dkimpyMissing ?? "")"),
    arguments: corpus, ["relaxed/relaxed", "simple/simple"])
  func weVerifyDkimpySignatures(text: String, canonicalization: String) throws {
    let bytes = Array(text.utf8)
    let rsaField = try DKPeer.dkimpySign(
      bytes, keyFileBytes: try Self.rsa.pkcs8PEM(), selector: "sel", domain: "example.com",
      canonicalization: canonicalization, algorithm: "rsa-sha256")
    let rsaSigned = Array(rsaField.utf8) + bytes
    #expect(weVerify(rsaSigned, record: Self.rsaRecord) == [.pass], "\(rsaField)")
    let seed = Array(try Self.ed25519.pkcs8PEM())
    let edField = try DKPeer.dkimpySign(
      bytes, keyFileBytes: Array(Base64.encode(try Self.ed25519Seed(seed)).utf8), selector: "sel",
      domain: "example.com", canonicalization: canonicalization, algorithm: "ed25519-sha256")
    let edSigned = Array(edField.utf8) + bytes
    #expect(weVerify(edSigned, record: Self.ed25519Record) == [.pass], "\(edField)")
    let body = edSigned.count - 3
    var changed = edSigned
    changed[body] ^= 0x01
    #expect(weVerify(changed, record: Self.ed25519Record) == [.fail(Self.expectedFailure(text))])
  }

  // Peers differ: on a body without a final newline, DKIM simple, Mail::DKIM hashes no CRLF;
  // dkimpy and RFC 6376 §3.4.3 add one. We follow the RFC, so only dkimpy agrees with us.
  @Test(
    .enabled(if: DKPeer.mailDKIMMissing == nil && DKPeer.dkimpyMissing == nil, "needs both peers"))
  func noFinalNewlineSimpleBodyPeersDisagreeWeFollowRFC6376() throws {
    let text = "From: a@example.com\nSubject: x\n\nno newline"
    let signed = try ours(text, key: Self.rsa, canonicalization: "simple/simple")
    #expect(try DKPeer.dkimpyVerify(signed, record: Self.rsaRecord) == ["pass"])
    let verdicts = try DKPeer.mailDKIMVerify(signed, record: Self.rsaRecord)
    #expect(verdicts.first?.hasPrefix("DKIM fail") == true, "\(verdicts)")
  }

  // Flipping the third-last byte hits the body, or the Subject when the body is empty.
  static func expectedFailure(_ text: String) -> DKIMResult.Failure {
    Message(bytes: Array(text.utf8)).bodyRange.isEmpty ? .signature : .bodyHash
  }

  // The PKCS#8 DER of an Ed25519 key ends with the 32-byte seed (RFC 8410).
  static func ed25519Seed(_ pem: [UInt8]) throws -> [UInt8] {
    let body = String(decoding: pem, as: UTF8.self).split(separator: "\n")
      .filter { !$0.hasPrefix("-----") }.joined()
    guard let der = Base64.decode(body), der.count >= 32 else { throw PeerError(text: "pem") }
    return Array(der.suffix(32))
  }
}
