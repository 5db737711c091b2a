import Foundation
import TestSupport
import Testing

@Suite struct QueueFilterSignVerifyTests {
  @Test(.enabled(if: QueueSandbox.missing == nil && QueuePeers.missing == nil))
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
    let mailDKIM = try QueuePeers.mailDKIM(message, record: record)
    #expect(mailDKIM.contains { $0.hasPrefix("DomainKey pass") }, "\(mailDKIM)")
    #expect(mailDKIM.contains { $0.hasPrefix("DKIM pass") }, "\(mailDKIM)")
    #expect(try QueuePeers.dkimpy(message, record: record) == ["pass"])
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

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func verifiesAddsDomainKeyStatusAndRejectsATamperedMessage() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    #expect(try box.run(environment: QueueSandbox.signEnvironment).status == 0)
    let signed = try #require(try box.queued().first).message
    try FileManager.default.removeItem(atPath: box.queueDirectory)
    try FileManager.default.createDirectory(
      atPath: box.queueDirectory, withIntermediateDirectories: false)

    let world = ["DKVERIFY": "DEGIJKfh"]
    let good = try box.run(signed, environment: world)
    #expect(good.status == 0, "\(good)")
    var queued = try box.queued()
    try #require(queued.count == 1)
    #expect(queued[0].message == Array("DomainKey-Status: good        \n".utf8) + signed)

    let tampered = Array(
      String(decoding: signed, as: UTF8.self).replacing("Hello", with: "Jello").utf8)
    let accepted = try box.run(tampered, environment: world)
    #expect(accepted.status == 0, "\(accepted)")
    queued = try box.queued()
    try #require(queued.count == 2)
    #expect(
      queued.contains { $0.message == Array("DomainKey-Status: bad         \n".utf8) + tampered })

    let strict = try box.run(tampered, environment: ["DKVERIFY": "BDEGIJKfh"])
    #expect(strict.status == 82)
    #expect(strict.fd4 == "DDomainKeys verify status: bad          (#5.3.0)")
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
