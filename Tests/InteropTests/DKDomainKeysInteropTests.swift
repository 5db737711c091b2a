import DKEngine
import LibCrypto
import Testing

@Suite(.enabled(if: DKPeer.mailDKIMMissing == nil, "\(DKPeer.mailDKIMMissing ?? "")"))
struct DKDomainKeysInteropTests {
  static let key: PrivateKey = {
    guard let key = try? PrivateKey.generateRSA(bits: 1024) else { fatalError("keygen") }
    return key
  }()
  static var record: String {
    "k=rsa; p=" + Base64.encode((try? key.publicKey().subjectPublicKeyInfoDER()) ?? [])
  }

  static let corpus: [String] = [
    "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n",
    "From: a@example.com\r\nSubject: crlf\r\n\r\nbody\r\n\r\n\r\n",
    "From: a@example.com\nSubject: folded\n  over\n\tlines\n\n  spaced   body \n\n",
    "From: a@example.com\nSubject: empty body\n\n",
    "From: a@example.com\nSubject: no body",
    "Sender: list@lists.example.net\nFrom: a@example.com\n\nvia a list\n",
    "From: a@example.com\nSubject: =?utf-8?q?x?= caf\u{e9}\n\nlong "
      + String(repeating: "x", count: 2000)
      + "\n",
  ]

  private func ours(_ text: String, _ method: Canonicalization) throws -> [UInt8] {
    let signature = try DomainKeysSigner(key: Self.key, selector: "sel", canonicalization: method)
      .sign(Message(bytes: Array(text.utf8)))
    return signature.prependedHeaders() + Array(text.utf8)
  }

  @Test(arguments: corpus, [Canonicalization.nofws, .simple])
  func mailDKIMVerifiesOurSignatures(text: String, method: Canonicalization) throws {
    let verdicts = try DKPeer.mailDKIMVerify(try ours(text, method), record: Self.record)
    #expect(verdicts.first?.hasPrefix("DomainKey pass") == true, "\(verdicts)")
  }

  @Test(arguments: corpus, ["nofws", "simple"])
  func weVerifyMailDKIMSignatures(text: String, method: String) throws {
    let bytes = Array(text.utf8)
    let domain = text.contains("Sender:") ? "lists.example.net" : "example.com"
    let field = try DKPeer.mailDKIMSign(
      bytes, key: Self.key, mode: "sign-dk", selector: "sel", domain: domain, method: method)
    let signed = Array((field + "\r\n").utf8) + bytes
    let verifier = DomainKeysVerifier(resolver: StaticKeyResolver(record: Self.record))
    let result = verifier.verify(Message(bytes: signed))
    #expect(result.status == .ok, "\(field)")
    #expect(result.domain == domain)
    var changed = signed
    changed[changed.count - 3] ^= 0x01
    #expect(verifier.verify(Message(bytes: changed)).status == .badSignature)
  }

  // RSA PKCS#1 v1.5 is deterministic: the same canonical form gives the same b=. Mail::DKIM
  // and libdomainkeys canonicalize alike whenever the message ends in a newline.
  @Test(arguments: corpus.filter { $0.hasSuffix("\n") }, ["nofws", "simple"])
  func ourBValueEqualsMailDKIMs(text: String, method: String) throws {
    let bytes = Array(text.utf8)
    let domain = text.contains("Sender:") ? "lists.example.net" : "example.com"
    let field = try DKPeer.mailDKIMSign(
      bytes, key: Self.key, mode: "sign-dk", selector: "sel", domain: domain, method: method)
    let theirs = field.split(separator: "b=").last.map { String($0).filter { !$0.isWhitespace } }
    let ours = try DomainKeysSigner(
      key: Self.key, selector: "sel", canonicalization: Canonicalization(word: method) ?? .nofws
    ).sign(Message(bytes: bytes)).signature
    #expect(theirs == ours)
  }

  @Test func oneChangedByteFailsForBoth() throws {
    let text = Self.corpus[0]
    let signed = try ours(text, .nofws).map { $0 == UInt8(ascii: "H") ? UInt8(ascii: "J") : $0 }
    let verdicts = try DKPeer.mailDKIMVerify(signed, record: Self.record)
    #expect(verdicts.first?.hasPrefix("DomainKey fail") == true, "\(verdicts)")
    let verifier = DomainKeysVerifier(resolver: StaticKeyResolver(record: Self.record))
    #expect(verifier.verify(Message(bytes: signed)).status == .badSignature)
  }

  // Peers differ: Mail::DKIM hashes a last line without its CRLF; libdomainkeys and RFC 4870
  // §3.4.2 append CRLF to every line. We follow the RFC, so Mail::DKIM rejects these.
  @Test func noFinalNewlinePeersDisagreeWeFollowRFC4870() throws {
    let text = "From: a@example.com\n\n12\n44"
    let verdicts = try DKPeer.mailDKIMVerify(try ours(text, .nofws), record: Self.record)
    #expect(verdicts.first?.hasPrefix("DomainKey fail") == true, "\(verdicts)")
    let withNewline = try ours(text + "\n", .nofws)
    let verifier = DomainKeysVerifier(resolver: StaticKeyResolver(record: Self.record))
    // Same canonical form with or without the final newline, so either signature fits both.
    let swapped = Array(withNewline.dropLast())
    #expect(verifier.verify(Message(bytes: swapped)).status == .ok)
  }

  // Peers differ: Mail::DKIM passes a DomainKeys signature on a message with two From: fields;
  // libdomainkeys (and RFC 4870's single-sender rule) gives SYNTAX.
  @Test func twoFromFieldsPeersDisagreeWeFollowLibdomainkeys() throws {
    let text = "From: a@example.com\nFrom: b@example.com\n\nx\n"
    let field = try DKPeer.mailDKIMSign(
      Array(text.utf8), key: Self.key, mode: "sign-dk", selector: "sel", domain: "example.com",
      method: "nofws")
    let verifier = DomainKeysVerifier(resolver: StaticKeyResolver(record: Self.record))
    let result = verifier.verify(Message(bytes: Array((field + "\r\n" + text).utf8)))
    #expect(result.status == .syntax)
  }
}
