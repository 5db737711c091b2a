import DKEngine
import Foundation
import TestSupport
import Testing

/// The wrapper run as qmail-rspawn runs qmail-remote, its output checked by real verifiers.
@Suite(.serialized) struct RemoteSignTests {
  private func sandbox() throws -> RemoteSandbox {
    let sandbox = try RemoteSandbox()
    try sandbox.addKey(TestKeys.rsa1024)
    return sandbox
  }

  private var rsaRecord: String {
    get throws { try LocalKeyResolver.record(fromPEM: Array(TestKeys.rsa1024.utf8)) }
  }

  /// The recorded message's header fields above the original message, and the rest.
  private func split(_ recorded: [UInt8]?) -> (added: String, rest: [UInt8]) {
    let bytes = recorded ?? []
    let marker = Array("Received: (qmail 4242".utf8)
    var index = 0
    while index + marker.count <= bytes.count, Array(bytes[index..<index + marker.count]) != marker
    {
      index += 1
    }
    return (String(decoding: bytes[..<index], as: UTF8.self), Array(bytes[index...]))
  }

  @Test(.disabled(if: RemoteSandbox.peersMissing != nil, "\(RemoteSandbox.peersMissing ?? "")"))
  func signsAndHandsOverTheSameArgvAndBody() throws {
    let box = try sandbox()
    defer { box.remove() }
    let (run, _) = try box.run()
    #expect(run.status == 0)
    #expect(run.reports == ["rbob@example.net accepted", "Kmessage accepted"], "\(run)")
    #expect(run.argv == ["qmail-remote"] + RemoteSandbox.arguments)
    #expect(run.fds == "fd0 regular\nfd2 fd1\n")
    let (added, rest) = split(run.message)
    #expect(rest == RemoteSandbox.message)
    #expect(added.hasPrefix("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;"))
    #expect(!added.contains("l="))
    let message = try #require(run.message)
    #expect(
      try DKIMPeers.mailDKIM(message, record: rsaRecord).first?.hasPrefix("DKIM pass") == true)
    #expect(try DKIMPeers.dkimpy(message, record: rsaRecord) == ["pass"])
  }

  @Test(.disabled(if: RemoteSandbox.peersMissing != nil, "\(RemoteSandbox.peersMissing ?? "")"))
  func addsAnEd25519SignatureThatDkimpyVerifies() throws {
    let box = try sandbox()
    defer { box.remove() }
    try box.addKey(TestKeys.rsa1024, selector: "r2026")
    try box.addKey(TestKeys.ed25519, selector: "e2026")
    try box.setSelectors("*:private\nexample.com:r2026,e2026\n")
    let (run, _) = try box.run()
    #expect(run.reports.last == "Kmessage accepted", "\(run)")
    let (added, rest) = split(run.message)
    #expect(rest == RemoteSandbox.message)
    #expect(added.contains("a=ed25519-sha256;") && added.contains("s=e2026;"))
    let message = try #require(run.message)
    let ed = try LocalKeyResolver.record(fromPEM: Array(TestKeys.ed25519.utf8))
    #expect(
      try DKIMPeers.dkimpy(
        message,
        records: [
          "r2026._domainkey.example.com": try rsaRecord, "e2026._domainkey.example.com": ed,
        ]) == ["pass", "pass"])
  }

  @Test(.disabled(if: RemoteSandbox.peersMissing != nil, "\(RemoteSandbox.peersMissing ?? "")"))
  func signsBouncesForTheBounceHostOrTheNamedDomain() throws {
    let box = try sandbox()
    defer { box.remove() }
    try box.addKey(TestKeys.rsa1024, domain: "mail.example.com")
    let bounce = Array(
      "From: MAILER-DAEMON@mail.example.com\nTo: alice@example.com\nSubject: failure notice\n\nHi\n"
        .utf8)
    let arguments = ["example.net", "", "bob@example.net"]
    let (run, _) = try box.run(bounce, arguments: arguments)
    #expect(run.argv == ["qmail-remote"] + arguments)
    #expect(split(run.message).added.isEmpty == false)
    let text = String(decoding: run.message ?? [], as: UTF8.self)
    #expect(text.contains("d=mail.example.com;"), "\(run)")
    try box.setSelectors("bounce-domain=example.com\n")
    let named = try box.run(bounce, arguments: arguments).run
    #expect(String(decoding: named.message ?? [], as: UTF8.self).contains("d=example.com;"))
    #expect(try DKIMPeers.dkimpy(try #require(named.message), record: rsaRecord) == ["pass"])
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func doesNotSignAgainWhatTheQueueFilterSigned() throws {
    let box = try sandbox()
    defer { box.remove() }
    let first = try box.run().run.message ?? []
    let (again, _) = try box.run(first, shared: false)
    #expect(again.message == first)
    #expect(
      again.stderr.hasPrefix(
        "toaster-dk-remote: already carries a valid signature of ours for d=example.com\n"),
      "\(again)")
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func readsAPipeOnFdZeroToo() throws {
    let box = try sandbox()
    defer { box.remove() }
    let (run, _) = try box.run(pipeInput: true)
    #expect(run.fds == "fd0 regular\nfd2 fd1\n", "\(run)")
    #expect(split(run.message).rest == RemoteSandbox.message)
  }
}
