import Foundation
import TestSupport
import Testing

/// DKSIGN_ED25519: a second DKIM signature, ed25519-sha256, where the domain has the key.
@Suite struct QueueFilterEd25519Tests {
  static let template = "/var/qmail/control/domainkeys/%/ed1"
  static let rules = """
    127.0.0.1:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private",DKSIGN_ED25519="\(template)"
    :allow,DKVERIFY="DEGIJKfh",DKQUEUE="/var/qmail/bin/qmail-queue.orig"

    """
  static let environment = QueueSandbox.signEnvironment.merging([
    "DKSIGN_ED25519": template
  ]) { $1 }

  func box() throws -> QueueSandbox {
    let box = try QueueSandbox(rules: Self.rules)
    try box.sandbox.directory.write(
      TestKeys.ed25519, to: "var/qmail/control/domainkeys/example.com/ed1")
    return box
  }

  @Test(.enabled(if: QueueSandbox.missing == nil && DKIMPeers.missing == nil))
  func signsRSAThenEd25519AndDkimpyVerifiesBoth() throws {
    let box = try box()
    defer { box.remove() }
    let run = try box.run(environment: Self.environment)
    #expect(run.status == 0, "\(run)")
    let message = try #require(try box.queued().first).message
    let dkim = headerField("DKIM-Signature", in: message)
    try #require(dkim.count == 2)
    #expect(dkim[0].contains("a=rsa-sha256;") && dkim[0].contains("s=private;"))
    #expect(dkim[1].contains("a=ed25519-sha256;") && dkim[1].contains("s=ed1;"))
    #expect(dkim[1].contains("d=example.com;") && dkim[1].contains("h=from:from:"))
    let records = [
      "private._domainkey.example.com": try box.record,
      "ed1._domainkey.example.com": TestKeys.ed25519Record,
    ]
    #expect(try DKIMPeers.dkimpy(message, records: records) == ["pass", "pass"])
    // DomainKeys still signs with the DKSIGN key alone.
    let mailDKIM = try DKIMPeers.mailDKIM(message, record: try box.record)
    #expect(mailDKIM.contains { $0.hasPrefix("DomainKey pass") }, "\(mailDKIM)")
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func theDryRunMakesTheSameSignatures() throws {
    let box = try box()
    defer { box.remove() }
    #expect(try box.sandbox.run(["rules", "compile", "-q"]).status == 0)
    try box.sandbox.directory.write(QueueSandbox.message, to: "message.eml")
    let dryRun = try box.sandbox.run([
      "test-sign", "--method", "both", "--header-only", "--time", "1796119202",
      box.sandbox.join("message.eml"),
    ])
    #expect(dryRun.status == 0, "\(dryRun)")
    let dkim = headerField("DKIM-Signature", in: dryRun.stdout)
    #expect(dkim.count == 2)
    #expect(dkim.last?.contains("a=ed25519-sha256;") == true)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func aDomainWithoutTheKeyGetsOneDKIMSignatureAndDKIMSIGNZeroNone() throws {
    let box = try box()
    defer { box.remove() }
    try FileManager.default.removeItem(
      atPath: box.sandbox.join("var/qmail/control/domainkeys/example.com/ed1"))
    #expect(try box.run(environment: Self.environment).status == 0)
    var off = Self.environment
    off["DKIMSIGN"] = "0"
    try box.sandbox.directory.write(
      TestKeys.ed25519, to: "var/qmail/control/domainkeys/example.com/ed1")
    #expect(try box.run(environment: off).status == 0)
    let counts = try box.queued().map { headerField("DKIM-Signature", in: $0.message).count }
    #expect(counts.sorted() == [0, 1])
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func aKeyThatIsNotEd25519IsRefusedAnUnreadableOneDeferred() throws {
    let box = try box()
    defer { box.remove() }
    let path = box.sandbox.join("var/qmail/control/domainkeys/example.com/ed1")
    try box.sandbox.directory.write(
      TestKeys.rsa1024, to: "var/qmail/control/domainkeys/example.com/ed1")
    let rsa = try box.run(environment: Self.environment)
    #expect(rsa.status == 82, "\(rsa)")
    #expect(rsa.fd4 == "Dqmail-dk: Cannot sign message due to invalid private key. (#5.3.0)")
    try FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let unreadable = try box.run(environment: Self.environment)
    #expect(unreadable.status == 55, "\(unreadable)")
    #expect(
      unreadable.fd4 == "Ztoaster-dk-queue: unable to read signing key "
        + "/var/qmail/control/domainkeys/example.com/ed1: is a directory (#4.3.0)")
    #expect(try box.queued().isEmpty)
  }
}
