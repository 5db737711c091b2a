import DKEngine
import LibCrypto
import MailPath
import Testing

@Suite struct QueueFilterTests {
  static let message = Array(
    "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n".utf8)
  static let template = "/var/qmail/control/domainkeys/%/private"
  static let sign = QmailDKEnvironment(["RELAYCLIENT": "", "DKSIGN": template])

  private func request(
    _ environment: QmailDKEnvironment, message: [UInt8] = QueueFilterTests.message,
    settings: FilterSettings = FilterSettings(),
    resolver: any KeyResolver = StaticKeyResolver(records: [:]),
    readKey: @escaping (String) -> QmailDK.KeyFile
  ) -> FilterRequest {
    FilterRequest(
      message: MessageBytes(message), environment: environment, settings: settings,
      now: 1_796_119_202, readKey: readKey, resolver: resolver,
      authservID: .success("mail.example.com"))
  }

  private static let pem: [UInt8] = {
    (try? PrivateKey.generateRSA(bits: 1024)).flatMap { try? $0.pkcs8PEM() } ?? []
  }()

  @Test func signsWithDKIMAboveQmailDKsLines() throws {
    var paths: [String] = []
    let result = QueueFilter.filter(
      request(Self.sign) { path in
        paths.append(path)
        return .contents(Self.pem)
      })
    guard case .queue(let headers, _) = result.decision else {
      Issue.record("not queued: \(result.decision)")
      return
    }
    let text = String(decoding: headers, as: UTF8.self)
    #expect(paths == ["/var/qmail/control/domainkeys/example.com/private"])
    #expect(text.hasPrefix("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;"))
    #expect(text.contains("t=1796119202;"))
    #expect(text.contains("\nComment: DomainKeys? See http://antispam.yahoo.com/domainkeys\n"))
    #expect(text.contains("DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws;\n  s=private;"))
  }

  @Test func dkimsignZeroSignsDomainKeysOnly() {
    let settings = FilterSettings(["DKIMSIGN": "0"])
    let result = QueueFilter.filter(
      request(Self.sign, settings: settings) { _ in .contents(Self.pem) })
    guard case .queue(let headers, _) = result.decision else {
      Issue.record("not queued")
      return
    }
    #expect(String(decoding: headers, as: UTF8.self).hasPrefix("Comment: DomainKeys?"))
  }

  @Test func unreadableKeyIsATemporaryFailureUnlessBounceIsAsked() {
    let unreadable = request(Self.sign) { _ in .unreadable("permission denied") }
    #expect(
      QueueFilter.filter(unreadable).decision
        == .fail(
          .unreadableKey(
            path: "/var/qmail/control/domainkeys/example.com/private",
            reason: "permission denied")))
    let bounce = request(Self.sign, settings: FilterSettings(["DKKEYFAIL": "bounce"])) { _ in
      .unreadable("permission denied")
    }
    #expect(QueueFilter.filter(bounce).decision == .reject(text: QmailDK.unreadableKeyText))
  }

  @Test func missingKeyUnderPercentQueuesUnsigned() {
    let result = QueueFilter.filter(request(Self.sign) { _ in .notFound })
    #expect(result.decision == .queue(headers: []))
  }

  @Test(arguments: ["a@example.com/../example.com", "a@..", "a@x/y"])
  func senderDomainThatIsNoDomainNameNeverReachesThePath(from: String) {
    var read: [String] = []
    let message = Array("From: \(from)\nSubject: x\n\nbody\n".utf8)
    let result = QueueFilter.filter(
      request(Self.sign, message: message) { path in
        read.append(path)
        return .contents(Self.pem)
      })
    #expect(read.isEmpty)
    if case .queue(let headers, _) = result.decision {
      #expect(headers.isEmpty)
    }
  }

  static let noResults =
    "Authentication-Results: mail.example.com;\n\tdkim=none;\n\tdomainkeys=none\n"

  @Test func verifyModeAddsResultsAndStatusAndRejectsByDKVERIFY() {
    let lenient = QueueFilter.filter(
      request(QmailDKEnvironment(["DKVERIFY": "DEGIJKfh"])) { _ in .notFound })
    #expect(
      lenient.decision
        == .queue(headers: Array((Self.noResults + "DomainKey-Status: no signature\n").utf8)))
    let strict = QueueFilter.filter(
      request(QmailDKEnvironment(["DKVERIFY": "C"])) { _ in .notFound })
    #expect(strict.decision == .reject(text: "DDomainKeys verify status: no signature (#5.3.0)"))
  }

  @Test func verifyModeRemovesOnlyResultsClaimingOurAuthservID() {
    let forged =
      "Authentication-Results: (forged) MAIL.example.com; dkim=pass header.d=bank.example\n"
    let theirs = "Authentication-Results: mx.example.net; dkim=pass header.d=example.net\n"
    let folded = "Authentication-Results:\n \"mail.example.com\" 1;\n\tdkim=pass\n"
    let text = forged + "From: a@example.org\n" + theirs + folded + "Subject: x\n\nbody\n"
    let result = QueueFilter.filter(
      request(QmailDKEnvironment(["DKVERIFY": ""]), message: Array(text.utf8)) { _ in .notFound })
    guard case .queue(_, let omitting) = result.decision else {
      Issue.record("not queued: \(result.decision)")
      return
    }
    let bytes = Array(text.utf8)
    let kept = FilterDecision.keptRanges(of: bytes.count, omitting: omitting)
      .flatMap { bytes[$0] }
    #expect(
      String(decoding: kept, as: UTF8.self)
        == "From: a@example.org\n" + theirs + "Subject: x\n\nbody\n")
  }

  @Test func verifyModeWithoutControlMeFailsForNow() {
    var request = request(QmailDKEnvironment(["DKVERIFY": "D"])) { _ in .notFound }
    let failure = FilterFailure.unreadableControlFile(
      path: "/var/qmail/control/me", reason: "no such file or directory")
    request.authservID = .failure(failure)
    #expect(QueueFilter.filter(request).decision == .fail(failure))
    // Signing does not need control/me.
    request.environment = Self.sign
    request.readKey = { _ in .contents(Self.pem) }
    guard case .queue(let headers, _) = QueueFilter.filter(request).decision else {
      Issue.record("signing failed without control/me")
      return
    }
    #expect(!headers.isEmpty)
  }

  @Test(arguments: [
    ([0..<3], [3..<10]), ([2..<4, 6..<8], [0..<2, 4..<6, 8..<10]), ([0..<10], []),
    ([], [0..<10]), ([8..<10, 0..<1], [1..<8]),
  ])
  func keptRangesLeaveOutExactlyTheOmittedBytes(omitting: [Range<Int>], kept: [Range<Int>]) {
    #expect(FilterDecision.keptRanges(of: 10, omitting: omitting) == kept)
  }

  @Test func passThroughAddsNothing() {
    let result = QueueFilter.filter(request(QmailDKEnvironment([:])) { _ in .notFound })
    #expect(result.decision == .queue(headers: []))
    #expect(result.mode == .passThrough)
  }
}

extension QueueFilterTests {
  @Test func verifyModeMakesTheResolverOnlyForASignatureAndOnce() throws {
    var made = 0
    var asked: [String] = []
    let record = try LocalKeyResolver.record(fromPEM: Self.pem)
    let lazy = LazyKeyResolver {
      made += 1
      return StaticKeyResolver(records: ["private._domainkey.example.com": .found(texts: [record])])
    }
    let verify = QmailDKEnvironment(["DKVERIFY": "DEGIJKfh"])
    _ = QueueFilter.filter(request(verify, resolver: lazy) { _ in .notFound })
    #expect(made == 0 && lazy.madeCount == 0)
    // A message with a DomainKeys and a DKIM signature: two keys looked up, one resolver.
    let signed = QueueFilter.filter(request(Self.sign) { _ in .contents(Self.pem) })
    guard case .queue(let headers, _) = signed.decision else {
      Issue.record("not signed: \(signed.decision)")
      return
    }
    let counting = LazyKeyResolver {
      made += 1
      return CountingResolver(StaticKeyResolver(record: record)) { asked.append($0) }
    }
    let result = QueueFilter.filter(
      request(verify, message: headers + Self.message, resolver: counting) { _ in .notFound })
    #expect(made == 1 && counting.madeCount == 1)
    // The DomainKeys and DKIM verifiers share the one name's answer.
    #expect(asked == ["private._domainkey.example.com"])
    #expect(result.notes == ["verified: DomainKey-Status: good        ", "dkim: pass"])
  }
}

/// Passes lookups through, telling `seen` each name asked.
private struct CountingResolver: KeyResolver {
  let resolver: any KeyResolver
  let seen: (String) -> Void
  init(_ resolver: any KeyResolver, seen: @escaping (String) -> Void) {
    self.resolver = resolver
    self.seen = seen
  }
  func lookup(selector: String, domain: String) -> KeyLookup {
    seen("\(selector)._domainkey.\(domain)")
    return resolver.lookup(selector: selector, domain: domain)
  }
}
