import Foundation
import TestSupport
import Testing

/// Verify mode through DNS: the one Authentication-Results field (RFC 8601) as a real parser
/// (python3-authres) reads it, forged fields removed, DNS failures as qmail-dk meets them.
@Suite struct QueueFilterAuthResultsTests {
  static let parser = QueueSandbox.programs + "/authres-parse.py"
  static let missing: String? = {
    if let missing = QueueSandbox.dnsMissing { return missing }
    let probe = try? ProcessRunner.run("/usr/bin/python3", ["-c", "import authres"])
    return probe?.status == 0 ? nil : "not installed: python3-authres"
  }()

  /// What the real parser reads in the message's Authentication-Results fields.
  func parsed(_ message: [UInt8]) throws -> [String] {
    let result = try ProcessRunner.run("/usr/bin/python3", [Self.parser], stdin: message)
    guard result.status == 0 else { throw QueueTestError(text: "authres: \(result)") }
    return result.stdoutText.split(separator: "\n").map(String.init)
  }

  func signed(_ box: QueueSandbox, from: String = "alice@example.com") throws -> [UInt8] {
    let message = Array(
      String(decoding: QueueSandbox.message, as: UTF8.self)
        .replacing("alice@example.com", with: from).utf8)
    let key = box.sandbox.join("var/qmail/control/domainkeys/\(from.split(separator: "@")[1])")
    if !FileManager.default.fileExists(atPath: key) {
      try FileManager.default.createDirectory(atPath: key, withIntermediateDirectories: true)
      try TestKeys.rsa1024.write(toFile: key + "/private", atomically: false, encoding: .utf8)
    }
    #expect(try box.run(message, environment: QueueSandbox.signEnvironment).status == 0)
    let queued = try box.queuedFiles()
    try #require(queued.count == 1)
    let newest = queued[0]
    defer { try? FileManager.default.removeItem(atPath: newest) }
    return Array(try Data(contentsOf: URL(fileURLWithPath: newest)))
  }

  @Test(.enabled(if: Self.missing == nil))
  func aRealParserReadsPassFailAndDNSErrors() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let dns = try box.dns(extra: [
      "private._domainkey.example.org": "{\"rcode\": \"SERVFAIL\"}"
    ])
    defer { dns.stop() }
    let good = try signed(box)
    let lost = try signed(box, from: "alice@example.org")
    let unknown = try signed(box, from: "alice@example.net")
    let world = ["DKVERIFY": "", "TOASTER_DK_DNS": dns.server]
    for message in [good, lost, unknown] {
      let run = try box.run(message, environment: world)
      #expect(run.status == 0, "\(run)")
    }
    let queued = try box.queued()
    try #require(queued.count == 3)
    let reports = try queued.map { try parsed($0.message) }
    #expect(reports.allSatisfy { $0.first == "id mail.example.com" && $0.count == 3 })
    let lines = reports.flatMap { $0.dropFirst() }
    #expect(lines.contains { $0.hasPrefix("dkim pass header.d=example.com header.s=private") })
    #expect(lines.contains("domainkeys pass header.d=example.com"))
    // SERVFAIL: temporary, DomainKeys F ("no key" in DomainKey-Status, as qmail-dk says).
    #expect(lines.contains { $0.hasPrefix("dkim temperror reason=") && $0.contains("example.org") })
    #expect(lines.contains { $0.hasPrefix("domainkeys temperror reason=") })
    // NXDOMAIN: no key, for good.
    #expect(lines.contains { $0.hasPrefix("dkim permerror reason=") && $0.contains("example.net") })
    #expect(lines.contains { $0.hasPrefix("domainkeys permerror reason=") })
  }

  @Test(.enabled(if: Self.missing == nil))
  func incomingResultsClaimingOurNameAreRemovedOthersKept() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let dns = try box.dns()
    defer { dns.stop() }
    let signed = try signed(box)
    let forged = Array(
      "Authentication-Results: Mail.Example.COM; dkim=pass header.d=bank.example\n".utf8)
    let theirs = Array("Authentication-Results: mx.example.net; dkim=none\n".utf8)
    let run = try box.run(
      forged + theirs + signed, environment: ["DKVERIFY": "", "TOASTER_DK_DNS": dns.server])
    #expect(run.status == 0, "\(run)")
    let message = try #require(try box.queued().first).message
    let fields = headerField("Authentication-Results", in: message)
    #expect(fields.count == 2)
    #expect(!fields.contains { $0.contains("bank.example") })
    #expect(message.suffix(theirs.count + signed.count).elementsEqual(theirs + signed))
    #expect(
      try parsed(message).filter { $0.hasPrefix("id ") } == [
        "id mail.example.com", "id mx.example.net",
      ])
  }

  @Test(.enabled(if: Self.missing == nil))
  func temporaryDNSFailureRejectsForNowWithLowerCaseF() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let dns = try box.dns(extra: ["private._domainkey.example.org": "{\"rcode\": \"SERVFAIL\"}"])
    defer { dns.stop() }
    let lost = try signed(box, from: "alice@example.org")
    let run = try box.run(
      lost, environment: ["DKVERIFY": "DEGIJKfh", "TOASTER_DK_DNS": dns.server])
    #expect(run.status == 82)
    #expect(run.fd4 == "ZDomainKeys verify status: no key       (#4.3.0)")
    // A resolver that cannot be set up is the same temporary failure, said in the log.
    let broken = try box.run(
      lost, environment: ["DKVERIFY": "DEGIJKfh", "TOASTER_DK_DNS": "127.0.0.1:53"])
    #expect(broken.status == 82)
    #expect(broken.fd4 == "ZDomainKeys verify status: no key       (#4.3.0)")
    #expect(broken.stderr.contains("toaster-dk-queue: no DNS resolver: "), "\(broken)")
    #expect(try box.queued().isEmpty)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func verifyingWithoutControlMeFailsForNowSigningDoesNot() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    try FileManager.default.removeItem(atPath: box.sandbox.join("var/qmail/control/me"))
    let run = try box.run(environment: ["DKVERIFY": "", "TOASTER_DK_DNS": "127.0.0.1"])
    #expect(run.status == 55, "\(run)")
    #expect(
      run.fd4
        == "Ztoaster-dk-queue: unable to read /var/qmail/control/me: no such file or directory"
        + " (#4.3.0)")
    #expect(try box.queued().isEmpty)
    #expect(try box.run(environment: QueueSandbox.signEnvironment).status == 0)
    #expect(try box.queued().count == 1)
  }
}
