import Foundation
import TestSupport
import Testing

/// The filter behind real ucspi-tcp: tcpserver looks the client up in the cdb toaster-dk
/// compiled and sets the rule's variables, a stand-in for qmail-smtpd hands the message to
/// the filter through the QmailToaster `bin/qmail-queue` link.
@Suite struct QueueFilterTcpserverTests {
  static let missing =
    QueueSandbox.dnsMissing ?? RealBinary.missingReason("tcpserver", "python3")
    ?? DKIMPeers.missing

  /// tcpserver on 127.0.0.1 with a port of its choosing, stopped by `stop()`.
  struct Server {
    let process: Process
    let port: String

    init(cdb: String, environment: [String: String]) throws {
      process = Process()
      process.executableURL = URL(fileURLWithPath: try #require(RealBinary.find("tcpserver")))
      process.arguments = [
        "-1", "-R", "-H", "-l0", "-x", cdb, "127.0.0.1", "0",
        "/usr/bin/env", "python3", QueueSandbox.programs + "/mini-qmail-smtpd.py",
      ]
      process.environment = environment
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      // -1 prints the port once the socket listens.
      var text = ""
      while !text.hasSuffix("\n") {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
      }
      port = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func send(_ message: [UInt8], from source: String) throws -> String {
      let result = try ProcessRunner.run(
        "/usr/bin/env",
        [
          "python3", QueueSandbox.programs + "/mini-client.py", source, port,
          "alice@example.com", "bob@example.net", "carol@example.org",
        ], stdin: message)
      return result.stdoutText
    }

    func stop() {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  @Test(.enabled(if: Self.missing == nil))
  func relayRuleSignsAndTheDefaultRuleVerifies() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let dns = try box.dns()
    defer { dns.stop() }
    #expect(try box.sandbox.run(["rules", "compile", "-q"]).status == 0)
    let link = box.sandbox.join("var/qmail/bin/qmail-queue")
    try FileManager.default.removeItem(atPath: link)
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: QueueSandbox.filter)
    let server = try Server(
      cdb: box.sandbox.join("etc/tcprules.d/tcp.smtp.cdb"),
      environment: [
        "PATH": "/usr/bin:/bin", "TOASTER_DK_ROOT": box.root, "FAKEQ_DIR": box.queueDirectory,
        "QMAILQUEUE": link, "TOASTER_DK_DNS": dns.server,
      ])
    defer { server.stop() }
    try #require(!server.port.isEmpty)

    #expect(try server.send(QueueSandbox.message, from: "127.0.0.1") == "0 \n")
    var queued = try box.queued()
    try #require(queued.count == 1)
    #expect(queued[0].envelope == QueueSandbox.envelope)
    let signed = queued[0].message
    let verdicts = try DKIMPeers.mailDKIM(signed, record: try box.record)
    #expect(
      verdicts.filter { $0.hasPrefix("DomainKey pass") || $0.hasPrefix("DKIM pass") }.count == 2)
    #expect(try DKIMPeers.dkimpy(signed, record: try box.record) == ["pass"])

    // 127.0.0.2 matches only the catch-all rule: DKVERIFY, and DKQUEUE to qmail-queue.orig.
    #expect(try server.send(signed, from: "127.0.0.2") == "0 \n")
    let tampered = Array(
      String(decoding: signed, as: UTF8.self).replacing("Hello", with: "Jello").utf8)
    #expect(try server.send(tampered, from: "127.0.0.2") == "0 \n")
    queued = try box.queued()
    try #require(queued.count == 3)
    let statuses = queued.map { headerField("DomainKey-Status", in: $0.message) }
    #expect(statuses.contains(["DomainKey-Status: good        "]))
    #expect(statuses.contains(["DomainKey-Status: bad         "]))
    #expect(queued.allSatisfy { $0.envelope == QueueSandbox.envelope })
  }
}
