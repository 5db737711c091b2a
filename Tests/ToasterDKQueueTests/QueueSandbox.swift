import DKEngine
import Foundation
import TestSupport

/// A QmailToaster tree for the filter: tcp.smtp, a key, and the test queue program
/// (Programs/fake-qmail-queue.c, built with cc) as `bin/qmail-queue.orig`.
struct QueueSandbox {
  let sandbox: Sandbox
  var root: String { sandbox.root }

  static let rules = """
    127.0.0.1:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="DEGIJKfh",DKQUEUE="/var/qmail/bin/qmail-queue.orig"

    """

  static let signEnvironment = [
    "RELAYCLIENT": "", "DKSIGN": "/var/qmail/control/domainkeys/%/private",
  ]
  static let envelope = Array("Falice@example.com\0Tbob@example.net\0Tcarol@example.org\0\0".utf8)
  static let message =
    Array(
      """
      Received: from client (127.0.0.1) by mail.example.com
      From: Alice <alice@example.com>
      To: bob@example.net
      Subject: hi
      Date: Tue, 1 Dec 2026 10:00:00 +0000
      Message-ID: <1@example.com>

      Hello
      """.utf8) + [0x0A]

  static let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Programs").path

  /// Why the filter's tests cannot run (no C compiler), or nil.
  static let missing: String? = RealBinary.missingReason("cc")

  /// The built toaster-dk-queue, next to toaster-dk.
  static var filter: String {
    (BuiltBinary.toasterDK as NSString).deletingLastPathComponent + "/toaster-dk-queue"
  }

  var queueDirectory: String { sandbox.join("queue") }
  var keyPath: String { sandbox.join("var/qmail/control/domainkeys/example.com/private") }

  init(rules: String = QueueSandbox.rules) throws {
    sandbox = try Sandbox(rules: rules)
    try FileManager.default.createDirectory(
      atPath: sandbox.join("queue"), withIntermediateDirectories: true)
    try sandbox.directory.write(
      TestKeys.rsa1024, to: "var/qmail/control/domainkeys/example.com/private")
    try sandbox.directory.write("\(Self.authservID)\n", to: "var/qmail/control/me")
    let queue = sandbox.join("var/qmail/bin/qmail-queue.orig")
    try? FileManager.default.removeItem(atPath: queue)
    let built = try ProcessRunner.run(
      "/usr/bin/env", ["cc", "-O2", "-o", queue, Self.programs + "/fake-qmail-queue.c"])
    guard built.status == 0 else { throw QueueTestError(text: "cc failed: \(built)") }
  }

  func remove() { sandbox.remove() }

  /// The host name in the sandbox's control/me: the filter's authserv-id.
  static let authservID = "mail.example.com"

  /// Why the verifying tests cannot run (no python3-dnslib for the fake DNS), or nil.
  static let dnsMissing: String? = missing ?? LoopbackDNS.missing("dnslib")

  /// The python3-dnslib fake on a loopback address, serving the sandbox key's record at
  /// `private._domainkey.example.com` and `extra` (name → fake-dns.py behaviour as JSON).
  func dns(extra: [String: String] = [:]) throws -> LoopbackDNS {
    var names = extra
    let record = try self.record
    var strings: [String] = []
    var rest = Substring(record)
    while !rest.isEmpty {
      strings.append("\"\(rest.prefix(200))\"")
      rest = rest.dropFirst(200)
    }
    names["private._domainkey.example.com"] = "{\"txt\": [[\(strings.joined(separator: ", "))]]}"
    let body = names.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
    return try LoopbackDNS.fake(namesJSON: "{" + body.joined(separator: ", ") + "}")
  }

  /// The filter's exit status (128 + signal when killed), its fd-4 text and its stderr.
  struct Run: CustomStringConvertible {
    let status: Int32
    let fd4: String
    let stderr: String
    /// The peak resident set in KB, when measured with /usr/bin/time.
    let peakKB: Int?
    var description: String { "exit \(status), fd 4 \"\(fd4)\", stderr \(stderr)" }
  }

  /// Runs the filter as qmail_open does: message on fd 0, envelope on fd 1, fd 4 for the
  /// error text, the environment exactly `environment` plus the sandbox root and DKQUEUE.
  func run(
    _ message: [UInt8] = QueueSandbox.message, environment: [String: String],
    envelope: [UInt8] = QueueSandbox.envelope, program: String = QueueSandbox.filter,
    shellPrefix: String = "", measure: Bool = false, messageFile: String? = nil
  ) throws -> Run {
    let work = try TempDirectory(prefix: "toaster-dk-queue-run")
    defer { work.remove() }
    if messageFile == nil { try work.write(message, to: "message") }
    try work.write(envelope, to: "envelope")
    var variables = environment
    variables["TOASTER_DK_ROOT"] = variables["TOASTER_DK_ROOT"] ?? root
    variables["FAKEQ_DIR"] = variables["FAKEQ_DIR"] ?? queueDirectory
    variables["PATH"] = "/usr/bin:/bin"
    // The QmailToaster catch-all rule's setting; an empty DKQUEUE counts as unset.
    variables["DKQUEUE"] = variables["DKQUEUE"] ?? "/var/qmail/bin/qmail-queue.orig"
    let result = try ProcessRunner.run(
      "/bin/sh",
      [
        "-c",
        shellPrefix + (measure ? "exec /usr/bin/time -f %M -o \"$3.rss\" " : "exec ")
          + "\"$0\" <\"$1\" 1<\"$2\" 4>\"$3\"", program,
        messageFile ?? work.join("message"), work.join("envelope"), work.join("fd4"),
      ],
      environment: variables, clearEnvironment: true)
    let fd4 = (try? work.read("fd4")).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let peak = (try? work.read("fd4.rss")).flatMap {
      Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return Run(status: result.status, fd4: fd4, stderr: result.stderrText, peakKB: peak)
  }

  /// The paths of the messages the test queue stored.
  func queuedFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: queueDirectory)
      .filter { $0.hasPrefix("msg.") }.sorted().map { queueDirectory + "/" + $0 }
  }

  /// The messages the test queue stored, each with its envelope, oldest first.
  func queued() throws -> [(message: [UInt8], envelope: [UInt8])] {
    let names = try FileManager.default.contentsOfDirectory(atPath: queueDirectory)
    return try names.filter { $0.hasPrefix("msg.") }.sorted().map { name in
      let id = name.dropFirst(4)
      let message = try Data(contentsOf: URL(fileURLWithPath: queueDirectory + "/" + name))
      let envelope = try Data(contentsOf: URL(fileURLWithPath: queueDirectory + "/env.\(id)"))
      return (Array(message), Array(envelope))
    }
  }

  /// Leftover files of the test queue other than stored messages (there should be none).
  func strayFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: queueDirectory).filter {
      !$0.hasPrefix("msg.") && !$0.hasPrefix("env.") && !$0.hasPrefix("cwd.")
    }
  }

  /// The key record of the sandbox's key, for the peers.
  var record: String {
    get throws { try LocalKeyResolver.record(fromPEM: Array(TestKeys.rsa1024.utf8)) }
  }
}

struct QueueTestError: Error, CustomStringConvertible {
  let text: String
  var description: String { text }
}

/// The lines of the header fields named `name` (with continuation lines), as text.
func headerField(_ name: String, in message: [UInt8]) -> [String] {
  // The header is at the top: a big body need not be decoded.
  let text = String(decoding: message.prefix(1 << 16), as: UTF8.self)
  let header = text.components(separatedBy: "\n\n").first ?? ""
  var fields: [String] = []
  for line in header.components(separatedBy: "\n") {
    if line.hasPrefix(" ") || line.hasPrefix("\t") {
      if !fields.isEmpty { fields[fields.count - 1] += "\n" + line }
    } else {
      fields.append(line)
    }
  }
  return fields.filter { $0.lowercased().hasPrefix(name.lowercased() + ":") }
}
