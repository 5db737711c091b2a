import LibCrypto
import Testing

@testable import DKEngine

struct DomainKeysTests {
  static let plain = "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n"

  private func signed(
    _ text: String, canonicalization: Canonicalization = .nofws, key: PrivateKey = TestKeys.rsa1024
  ) throws -> String {
    let signer = DomainKeysSigner(key: key, selector: "private", canonicalization: canonicalization)
    let signature = try signer.sign(Message(text))
    return String(decoding: signature.prependedHeaders(), as: UTF8.self) + text
  }

  private func verify(_ text: String, record: String? = nil) -> DomainKeysResult {
    let resolver = StaticKeyResolver(record: record ?? TestKeys.rsaRecord(TestKeys.rsa1024))
    return DomainKeysVerifier(resolver: LibdomainkeysKeyResolver(resolver)).verify(Message(text))
  }

  @Test(arguments: [Canonicalization.nofws, .simple])
  func signsAndVerifies(canonicalization: Canonicalization) throws {
    let result = verify(try signed(Self.plain, canonicalization: canonicalization))
    #expect(result.status == .ok)
    #expect(result.domain == "example.com")
    #expect(result.statusHeader == "DomainKey-Status: good        ")
  }

  @Test func headerLayoutIsQmailDK06() throws {
    let text = try signed(Self.plain)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Comment: DomainKeys? See http://antispam.yahoo.com/domainkeys")
    #expect(lines[1] == "DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws;")
    #expect(lines[2] == "  s=private; d=example.com;")
    #expect(lines[3].hasPrefix("  b=") && lines[3].hasSuffix(";") && lines[3].count == 4 + 172 + 1)
    #expect(lines[4] == "From: Alice <alice@example.com>")
  }

  @Test func senderBeatsFromAndCaseIsPreserved() throws {
    let text = "From: ALICE@EXAMPLE.COM\nSender: list@Lists.Example.NET\n\nx\n"
    let signature = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(Message(text))
    #expect(signature.domain == "Lists.Example.NET")
    let from = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(
      Message("From: ALICE@EXAMPLE.COM\n\nx\n"))
    #expect(from.domain == "EXAMPLE.COM")
  }

  @Test func oneChangedBodyByteIsABadSignature() throws {
    let text = try signed(Self.plain).replacing("Hello", with: "Jello")
    #expect(verify(text).status == .badSignature)
    #expect(verify(text).statusHeader == "DomainKey-Status: bad         ")
  }

  @Test func nofwsIgnoresWhitespaceChangesButSimpleDoesNot() throws {
    let nofws = try signed(Self.plain).replacing("Subject: hi", with: "Subject:   hi")
    #expect(verify(nofws).status == .ok)
    let simple = try signed(Self.plain, canonicalization: .simple)
      .replacing("Subject: hi", with: "Subject:   hi")
    #expect(verify(simple).status == .badSignature)
  }

  @Test func unsignedMessageHasNoSignature() {
    #expect(verify(Self.plain).status == .noSignature)
    #expect(verify(Self.plain).statusHeader == "DomainKey-Status: no signature")
  }

  @Test func twoFromFieldsAreSyntaxButQmailDK06EndsAsNoSig() {
    let result = verify("From: a@example.com\nFrom: b@example.com\n\nx\n")
    #expect(result.status == .syntax)
    #expect(result.qmailDKStatus == .noSignature)
  }

  /// The libdomainkeys status signing `text` fails with, or nil when it signs.
  private func signingFailure(_ text: String) -> DKStatus? {
    do {
      _ = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(Message(text))
      return nil
    } catch .domainKeysSigningFailed(let status, _) {
      return status
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  // libdomainkeys refuses these with SYNTAX, which qmail-dk 0.6 reports as "invalid message
  // syntax"; another status would give the admin a different rejection text.
  @Test func signingRejectsTwoFromAndMissingFrom() {
    #expect(signingFailure("From: a@b\nFrom: c@d\n\nx\n") == .syntax)
    #expect(signingFailure("To: a@b\n\nx\n") == .syntax)
    #expect(signingFailure("From : a@b\n\nx\n") == .syntax)
  }

  @Test func signingAgainNeedsASenderAbove() throws {
    let once = try signed(Self.plain)
    #expect(signingFailure(once) == .syntax)
    #expect(signingFailure("Sender: x@lists.example.net\n" + once) == nil)
  }

  @Test func signingDomainMustCoverTheSender() throws {
    let text = try signed("From: a@mail.example.com\n\nx\n")
    #expect(verify(text).status == .ok)
    let parent = text.replacing("d=mail.example.com", with: "d=EXAMPLE.com")
    // DomainKeys does not hash its own signature field, and the resolver ignores the name.
    #expect(verify(parent).status == .ok)
    let other = text.replacing("d=mail.example.com", with: "d=example.org")
    #expect(verify(other).status == .syntax)
  }

  @Test func keyRecordOutcomes() throws {
    let text = try signed(Self.plain)
    #expect(verify(text, record: "e=perm;").status == .noKey)
    #expect(verify(text, record: "e=temp;").status == .cantVerify)
    #expect(verify(text, record: "k=rsa;").status == .noKey)
    #expect(verify(text, record: "k=rsa; p=").status == .revoked)
    #expect(verify(text, record: "k=rsa; p=AAAA").status == .badKey)
    #expect(verify(text, record: "k=rsa; k=rsa").status == .badKey)
    let unresolved = DomainKeysVerifier(resolver: StaticKeyResolver(records: [:]))
    #expect(unresolved.verify(Message(text)).status == .noKey)
    let temporary = StaticKeyResolver(records: [
      "private._domainkey.example.com": .temporaryFailure(reason: "SERVFAIL from 127.0.0.1")
    ])
    let failed = DomainKeysVerifier(resolver: temporary).verify(Message(text))
    #expect(failed.status == .cantVerify)
    #expect(failed.reason == "SERVFAIL from 127.0.0.1")
  }

  // The sentinels are libdomainkeys' resolver's, not the verifier's: without the adapter a
  // record "e=temp;" is a tag list without p= (NOKEY), not a DNS failure.
  @Test func sentinelsBelongToTheLibdomainkeysAdapter() throws {
    let text = try signed(Self.plain)
    let plain = DomainKeysVerifier(resolver: StaticKeyResolver(record: "e=temp;"))
    #expect(plain.verify(Message(text)).status == .noKey)
    #expect(plain.verify(Message(text)).reason == "key record has no p=")
    let adapted = LibdomainkeysKeyResolver(StaticKeyResolver(record: "e=temp;"))
    guard case .temporaryFailure = adapted.lookup(selector: "private", domain: "example.com")
    else {
      Issue.record("e=temp; should read as a temporary failure")
      return
    }
  }

  // libdomainkeys reads only the first TXT record: a good key second does not help.
  @Test func onlyTheFirstRecordCounts() throws {
    let text = try signed(Self.plain)
    let good = TestKeys.rsaRecord(TestKeys.rsa1024)
    let records: [String: KeyLookup] = [
      "private._domainkey.example.com": .found(texts: ["v=spf1 -all", good])
    ]
    let result = DomainKeysVerifier(resolver: StaticKeyResolver(records: records))
      .verify(Message(text))
    #expect(result.status == .noKey)
    let reversed: [String: KeyLookup] = [
      "private._domainkey.example.com": .found(texts: [good, "v=spf1 -all"])
    ]
    #expect(
      DomainKeysVerifier(resolver: StaticKeyResolver(records: reversed)).verify(Message(text))
        .status == .ok)
  }

  @Test(arguments: [
    ("alice", true), ("alicex", true), ("ALICE", true), ("ali", false), ("*", false),
  ])
  func granularityQuirkOfLibdomainkeys(granularity: String, accepted: Bool) throws {
    let record = TestKeys.rsaRecord(TestKeys.rsa1024, prefix: "k=rsa; g=\(granularity); ")
    let status = verify(try signed(Self.plain), record: record).status
    #expect(status == (accepted ? .ok : .granularity))
  }

  @Test func signatureTagProblems() throws {
    let text = try signed(Self.plain)
    #expect(verify(text.replacing("s=private; ", with: "")).status == .noSignature)
    #expect(verify(text.replacing("c=nofws", with: "c=relaxed")).status == .syntax)
    #expect(verify(text.replacing("a=rsa-sha1", with: "a=rsa-sha256")).status == .syntax)
    #expect(verify(text.replacing("q=dns", with: "q=dns; q=dns")).status == .syntax)
    #expect(verify(text.replacing("c=nofws", with: "c=NoFWS")).status == .ok)
  }

  @Test func headerListOnVerifyIgnoresFieldsNotListed() throws {
    let text = try signed(Self.plain)
      .replacing("c=nofws;", with: "c=nofws; h=from:to:subject;")
      .replacing("Subject: hi\n", with: "Subject: hi\nX-Added: later\n")
    #expect(verify(text).status == .ok)
  }

  @Test func quotedDisplayNameFollowsRFC5322NotLibdomainkeys() throws {
    let text = "From: \"Evil <x@evil.example>\" <\"john doe\"@example.com>\n\nx\n"
    let signature = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(Message(text))
    #expect(signature.domain == "example.com")
  }

  @Test func groupGivesItsLastAddress() throws {
    let address = try DomainKeysAddress(parsing: Array("Team: a@example.com, c@example.org;".utf8))
    #expect(address.domain == "example.org")
    #expect(throws: DomainKeysAddress.Failure.self) {
      try DomainKeysAddress(parsing: Array("a@b (x))".utf8))
    }
  }

  @Test func smallLegacyKeysStillWorkForDomainKeys() throws {
    let key = try PrivateKey.unsafeGenerateLegacyRSA(bits: 512)
    let text = try signed(Self.plain, key: key)
    #expect(verify(text, record: TestKeys.rsaRecord(key)).status == .ok)
  }

  @Test func onlyTheFirstSignatureCounts() throws {
    let good = try signed(Self.plain)
    let junk = "DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws; s=x; d=example.com; b=AAAA;\n"
    // A later signature is just a header field that the first one covers.
    let relayed = try signed("Sender: list@example.com\n" + junk + Self.plain)
    #expect(verify(relayed).status == .ok)
    #expect(verify(junk + good).status == .badSignature)
  }

  @Test func storedCRIsSignedAsQmailDKFeedsIt() throws {
    // qmail-dk feeds a stored CR LF as CR CR LF: the CR is content, kept by simple.
    let text = "From: a@example.com\n\nline\r\n"
    let message = Message(bytes: Array(text.utf8), lineEndings: .qmail)
    let signature = try DomainKeysSigner(
      key: TestKeys.rsa1024, selector: "s", canonicalization: .simple
    ).sign(message)
    let signedBytes = signature.prependedHeaders() + Array(text.utf8)
    let verifier = DomainKeysVerifier(
      resolver: StaticKeyResolver(record: TestKeys.rsaRecord(TestKeys.rsa1024)))
    #expect(verifier.verify(Message(bytes: signedBytes, lineEndings: .qmail)).status == .ok)
    let stripped = Array(signedBytes.filter { $0 != 0x0D })
    #expect(verifier.verify(Message(bytes: stripped, lineEndings: .qmail)).status == .badSignature)
  }
}
