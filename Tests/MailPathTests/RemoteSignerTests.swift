import DKEngine
import LibCrypto
import MailPath
import Testing

@Suite struct RemoteSignerTests {
  static let directory = "/var/qmail/control/domainkeys"
  static let message = Array(
    "From: Alice <alice@Example.COM>\nTo: bob@example.net\nSubject: hi\n\nHello\n".utf8)
  static let bounce = Array(
    "From: MAILER-DAEMON@mail.example.com\nTo: bob@example.net\nSubject: failure notice\n\nHi\n"
      .utf8)
  static let rsa: [UInt8] = {
    (try? PrivateKey.generateRSA(bits: 1024)).flatMap { try? $0.pkcs8PEM() } ?? []
  }()
  static let ed25519: [UInt8] = {
    (try? PrivateKey(ed25519Seed: Array(repeating: 7, count: 32))).flatMap { try? $0.pkcs8PEM() }
      ?? []
  }()

  private func decide(
    _ message: [UInt8] = RemoteSignerTests.message, sender: String = "alice@example.com",
    selectors: String = "", keys: [String: QmailDK.KeyFile], read: ((String) -> Void)? = nil
  ) throws -> RemoteResult {
    let parsed = try RemoteSelectors(parsing: Array(selectors.utf8), path: "s")
    return RemoteSigner.decide(
      RemoteRequest(
        message: MessageBytes(message), sender: sender, selectors: parsed,
        keyDirectory: Self.directory, now: 1_796_119_202,
        readKey: { path in
          read?(path)
          return keys[path] ?? .notFound
        }))
  }

  private func headers(_ result: RemoteResult) -> String {
    guard case .sign(let headers) = result.decision else { return "not signed: \(result)" }
    return String(decoding: headers, as: UTF8.self)
  }

  private func verify(_ headers: String, _ message: [UInt8], records: [String: String])
    -> [String]
  {
    let signed = Message(bytes: Array(headers.utf8) + message)
    let resolver = StaticKeyResolver(records: records.mapValues { .found(texts: [$0]) })
    return DKIMVerifier(resolver: resolver, now: 1_796_119_202).verify(signed).map {
      "\($0.verdict) \($0.signature?.domain ?? "")"
    }
  }

  private func record(_ pem: [UInt8]) throws -> String { try LocalKeyResolver.record(fromPEM: pem) }

  @Test func signsByTheFromDomainLowerCasedWithPrivate() throws {
    var paths: [String] = []
    let result = try decide(keys: ["\(Self.directory)/example.com/private": .contents(Self.rsa)]) {
      paths.append($0)
    }
    let text = headers(result)
    #expect(paths == ["\(Self.directory)/example.com/private"])
    #expect(text.hasPrefix("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;"))
    #expect(text.contains("h=from:from:subject:to;"))
    #expect(!text.contains("l="))
    #expect(
      verify(text, Self.message, records: ["private._domainkey.example.com": try record(Self.rsa)])
        == ["pass example.com"])
  }

  @Test func addsAnEd25519SecondSignatureWhenConfigured() throws {
    let result = try decide(
      selectors: "example.com:r1,e1\n",
      keys: [
        "\(Self.directory)/example.com/r1": .contents(Self.rsa),
        "\(Self.directory)/example.com/e1": .contents(Self.ed25519),
      ])
    let text = headers(result)
    #expect(text.contains("a=rsa-sha256;") && text.contains("a=ed25519-sha256;"))
    let records = [
      "r1._domainkey.example.com": try record(Self.rsa),
      "e1._domainkey.example.com": try record(Self.ed25519),
    ]
    #expect(
      verify(text, Self.message, records: records) == ["pass example.com", "pass example.com"])
  }

  @Test func signsBouncesForTheBounceHostOrTheSetting() throws {
    let keys: [String: QmailDK.KeyFile] = [
      "\(Self.directory)/mail.example.com/private": .contents(Self.rsa),
      "\(Self.directory)/example.com/private": .contents(Self.rsa),
    ]
    #expect(try decide(Self.bounce, sender: "", keys: keys).domain == "mail.example.com")
    let named = try decide(
      Self.bounce, sender: "", selectors: "bounce-domain=example.com\n", keys: keys)
    #expect(named.domain == "example.com")
    #expect(headers(named).contains("d=example.com;"))
    #expect(
      try decide(Self.bounce, sender: "#@[]", selectors: "bounce-domain=example.com\n", keys: keys)
        .domain == "example.com")
    // A message with a sender is no bounce, whatever its From: says.
    #expect(
      try decide(
        Self.bounce, sender: "x@example.net", selectors: "bounce-domain=example.com\n", keys: keys
      ).domain == "mail.example.com")
  }

  @Test func goesUnsignedWithoutAKeyOrAFromDomain() throws {
    let noKey = try decide(keys: [:])
    #expect(
      noKey.decision
        == .unsigned(reason: "no key for example.com: no key \(Self.directory)/example.com/private")
    )
    let noFrom = try decide(Array("To: bob@example.net\n\nHi\n".utf8), keys: [:])
    #expect(noFrom.decision == .unsigned(reason: "message has no From: field"))
    let two = try decide(Array("From: a@x.com\nFrom: b@y.com\n\nHi\n".utf8), keys: [:])
    #expect(two.decision == .unsigned(reason: "message has 2 From: fields"))
  }

  @Test func neverLooksUpAFromDomainThatIsNoDomainName() throws {
    for from in ["a@../../etc", "a@x/y.com", "a@example..com", "a@.example.com"] {
      var paths: [String] = []
      let result = try decide(Array("From: \(from)\n\nHi\n".utf8), keys: [:]) {
        paths.append($0)
      }
      #expect(paths.isEmpty, "\(from)")
      guard case .unsigned(let reason) = result.decision else {
        Issue.record("\(from): \(result)")
        continue
      }
      #expect(reason.contains("is not a domain name"), "\(from)")
    }
  }

  @Test func defersOnAKeyThatExistsButCannotBeUsed() throws {
    let path = "\(Self.directory)/example.com/private"
    let unreadable = try decide(keys: [path: .unreadable("permission denied")])
    #expect(
      unreadable.decision
        == .deferral(reason: "unable to read signing key \(path): permission denied"))
    let corrupt = try decide(keys: [
      path: .contents(Array("-----BEGIN PRIVATE KEY-----\nxx\n".utf8))
    ])
    guard case .deferral(let reason) = corrupt.decision else {
      Issue.record("\(corrupt)")
      return
    }
    #expect(reason.hasPrefix("unusable signing key \(path):"))
    let small = try PrivateKey.unsafeGenerateLegacyRSA(bits: 512).pkcs8PEM()
    guard case .deferral(let weak) = try decide(keys: [path: .contents(small)]).decision else {
      Issue.record("512-bit key used")
      return
    }
    #expect(weak.contains("under 1024"))
  }

  @Test func doesNotSignTwiceForADomainItAlreadySigned() throws {
    let keys: [String: QmailDK.KeyFile] = [
      "\(Self.directory)/example.com/private": .contents(Self.rsa)
    ]
    let first = headers(try decide(keys: keys))
    let signed = Array(first.utf8) + Self.message
    #expect(
      try decide(signed, keys: keys).decision
        == .unsigned(reason: "already carries a valid signature of ours for d=example.com"))
    // A broken signature of ours does not count.
    let broken = Array(first.utf8) + Self.message.dropLast(2) + Array("!\n".utf8)
    #expect(headers(try decide(broken, keys: keys)).hasPrefix("DKIM-Signature:"))
  }
}
