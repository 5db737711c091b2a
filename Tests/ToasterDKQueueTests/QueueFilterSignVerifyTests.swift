import Foundation
import TestSupport
import Testing

@Suite struct QueueFilterSignVerifyTests {
  @Test(.enabled(if: QueueSandbox.missing == nil && DKIMPeers.missing == nil))
  func signsDomainKeysAndDKIMThatThePeersVerify() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let run = try box.run(environment: QueueSandbox.signEnvironment)
    #expect(run.status == 0, "\(run)")
    #expect(run.fd4.isEmpty)
    let queued = try box.queued()
    try #require(queued.count == 1)
    #expect(queued[0].envelope == QueueSandbox.envelope)
    let message = queued[0].message
    // The new lines sit above the unchanged message.
    #expect(message.suffix(QueueSandbox.message.count).elementsEqual(QueueSandbox.message))
    let record = try box.record
    let mailDKIM = try DKIMPeers.mailDKIM(message, record: record)
    #expect(mailDKIM.contains { $0.hasPrefix("DomainKey pass") }, "\(mailDKIM)")
    #expect(mailDKIM.contains { $0.hasPrefix("DKIM pass") }, "\(mailDKIM)")
    #expect(try DKIMPeers.dkimpy(message, record: record) == ["pass"])
    let dkim = headerField("DKIM-Signature", in: message)
    try #require(dkim.count == 1)
    #expect(dkim[0].contains("a=rsa-sha256; c=relaxed/relaxed; d=example.com;"))
    #expect(dkim[0].contains("s=private;") && dkim[0].contains(" t="))
    #expect(dkim[0].contains("h=from:from:"))
    // The queue program ran in the qmail home.
    let cwd = try FileManager.default.contentsOfDirectory(atPath: box.queueDirectory)
      .filter { $0.hasPrefix("cwd.") }
    let home = try String(contentsOfFile: box.queueDirectory + "/" + cwd[0], encoding: .utf8)
    #expect(home == box.sandbox.join("var/qmail"))
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func domainKeySignatureIsTestSignsByteForByte() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    #expect(try box.sandbox.run(["rules", "compile", "-q"]).status == 0)
    try box.sandbox.directory.write(QueueSandbox.message, to: "message.eml")
    let dryRun = try box.sandbox.run([
      "test-sign", "--header-only", box.sandbox.join("message.eml"),
    ])
    #expect(dryRun.status == 0, "\(dryRun)")
    let run = try box.run(environment: QueueSandbox.signEnvironment)
    #expect(run.status == 0, "\(run)")
    let message = try #require(try box.queued().first).message
    let lines = { (bytes: [UInt8]) in
      headerField("Comment", in: bytes) + headerField("DomainKey-Signature", in: bytes)
    }
    #expect(lines(message) == lines(dryRun.stdout))
    #expect(lines(message).count == 2)
  }

  @Test(.enabled(if: QueueSandbox.dnsMissing == nil))
  func verifiesThroughDNSAddsStatusAndResultsAndRejectsATamperedMessage() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let dns = try box.dns()
    defer { dns.stop() }
    #expect(try box.run(environment: QueueSandbox.signEnvironment).status == 0)
    let signed = try #require(try box.queued().first).message
    try FileManager.default.removeItem(atPath: box.queueDirectory)
    try FileManager.default.createDirectory(
      atPath: box.queueDirectory, withIntermediateDirectories: false)
    let b = try #require(
      headerField("DKIM-Signature", in: signed).first?.components(separatedBy: "b=").last
    ).filter { !$0.isWhitespace }.prefix(8)
    // RFC 8601 values are tokens, and / is none.
    let bValue = b.contains("/") ? "\"\(b)\"" : String(b)

    let world = ["DKVERIFY": "DEGIJKfh", "TOASTER_DK_DNS": dns.server]
    let good = try box.run(signed, environment: world)
    #expect(good.status == 0, "\(good)")
    var queued = try box.queued()
    try #require(queued.count == 1)
    let results =
      "Authentication-Results: mail.example.com;\n"
      + "\tdkim=pass header.d=example.com header.s=private header.a=rsa-sha256"
      + " header.b=\(bValue);\n\tdomainkeys=pass header.d=example.com\n"
    #expect(
      queued[0].message == Array((results + "DomainKey-Status: good        \n").utf8) + signed)
    // The key was asked of DNS, once per message (DomainKeys and DKIM share the answer).
    let question = "query private._domainkey.example.com"
    #expect(
      dns.lines { $0.contains { $0.hasPrefix(question) } }.filter { $0.hasPrefix(question) }.count
        == 1)

    let tampered = Array(
      String(decoding: signed, as: UTF8.self).replacing("Hello", with: "Jello").utf8)
    let accepted = try box.run(tampered, environment: world)
    #expect(accepted.status == 0, "\(accepted)")
    queued = try box.queued()
    try #require(queued.count == 2)
    let bad = try #require(
      queued.first {
        headerField("DomainKey-Status", in: $0.message) == ["DomainKey-Status: bad         "]
      })
    #expect(bad.message.suffix(tampered.count).elementsEqual(tampered))
    let field = try #require(headerField("Authentication-Results", in: bad.message).first)
    #expect(field.contains("dkim=fail reason=\"body hash did not verify\" header.d=example.com"))
    #expect(field.contains("domainkeys=fail reason="))

    var strict = world
    strict["DKVERIFY"] = "BDEGIJKfh"
    let refused = try box.run(tampered, environment: strict)
    #expect(refused.status == 82)
    #expect(refused.fd4 == "DDomainKeys verify status: bad          (#5.3.0)")
    #expect(try box.queued().count == 2)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func passesThroughWithoutRelayclientOrDkverify() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let run = try box.run(environment: [:])
    #expect(run.status == 0, "\(run)")
    let queued = try box.queued()
    #expect(queued.map(\.message) == [QueueSandbox.message])
  }
}
