import Foundation
import TestSupport

/// A QmailToaster tree for the qmail-remote wrapper: keys, the test qmail-remote
/// (Programs/fake-qmail-remote.c) as `bin/qmail-remote.orig`, and the launcher
/// (Launcher/toaster-dk-remote.c) built with cc beside a link to the built signer.
struct RemoteSandbox {
  let sandbox: Sandbox
  var root: String { sandbox.root }

  static let message =
    Array(
      """
      Received: (qmail 4242 invoked by uid 89); 1 Dec 2026 10:00:00 -0000
      From: Alice <alice@example.com>
      To: bob@example.net
      Subject: hi
      Date: Tue, 1 Dec 2026 10:00:00 +0000
      Message-ID: <1@example.com>

      Hello
      """.utf8) + [0x0A]
  static let arguments = ["example.net", "alice@example.com", "bob@example.net"]

  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let programs = here.appendingPathComponent("Programs").path
  static let launcherSource = here.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Launcher/toaster-dk-remote.c").path

  /// Why the wrapper's tests cannot run (no C compiler), or nil.
  static let missing: String? = RealBinary.missingReason("cc")
  /// Why a test that also asks Mail::DKIM and dkimpy cannot run.
  static let peersMissing: String? = missing ?? DKIMPeers.missing

  /// The built signer, next to toaster-dk.
  static var signer: String {
    (BuiltBinary.toasterDK as NSString).deletingLastPathComponent + "/toaster-dk-remote-signer"
  }

  var records: String { sandbox.join("records") }
  var bin: String { sandbox.join("launcher") }
  /// The launcher, as `make install` puts it: beside the signer.
  var launcher: String { bin + "/toaster-dk-remote" }
  var keys: String { sandbox.join("var/qmail/control/domainkeys") }

  init() throws {
    sandbox = try Sandbox()
    for directory in [records, bin] {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    try Self.compile(
      Self.programs + "/fake-qmail-remote.c", to: join("var/qmail/bin/qmail-remote.orig"))
    try Self.compile(Self.launcherSource, to: launcher)
    try FileManager.default.createSymbolicLink(
      atPath: bin + "/toaster-dk-remote-signer", withDestinationPath: Self.signer)
  }

  func join(_ relative: String) -> String { sandbox.join(relative) }

  static func compile(_ source: String, to output: String, flags: [String] = []) throws {
    let built = try ProcessRunner.run(
      "/usr/bin/env", ["cc", "-O2", "-Wall", "-o", output, source] + flags)
    guard built.status == 0 else { throw RemoteTestError(text: "cc failed: \(built)") }
  }

  /// Puts `pem` at `domainkeys/DOMAIN/SELECTOR`.
  func addKey(_ pem: String, domain: String = "example.com", selector: String = "private")
    throws
  {
    try sandbox.directory.write(pem, to: "var/qmail/control/domainkeys/\(domain)/\(selector)")
  }

  /// Writes `control/toaster-dk/remote-selectors`.
  func setSelectors(_ text: String) throws {
    try sandbox.directory.write(text, to: "var/qmail/control/toaster-dk/remote-selectors")
  }

  /// What one run gave: exit status (128 + signal when killed), the report stream, and
  /// what the test qmail-remote recorded.
  struct Run: CustomStringConvertible {
    let status: Int32
    /// fd 1 (and fd 2 too, in qmail-rspawn's layout).
    let output: [UInt8]
    let stderr: String
    let argv: [String]?
    let message: [UInt8]?
    let fds: String?

    /// The reports, each without its NUL.
    var reports: [String] {
      output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    var description: String {
      "exit \(status), reports \(reports), output \(String(decoding: output, as: UTF8.self)), "
        + "stderr \(stderr)"
    }
  }

  /// Runs `program` as qmail-rspawn does: argv `qmail-remote HOST SENDER RECIPIENT`, the
  /// message as a regular file on fd 0, fd 1 and fd 2 the same file (`shared`), the
  /// environment only PATH plus the sandbox root and the recorder's directory.
  func run(
    _ message: [UInt8] = RemoteSandbox.message, arguments: [String] = RemoteSandbox.arguments,
    program: String? = nil, shared: Bool = true, pipeInput: Bool = false,
    environment: [String: String] = [:], measure: Bool = false
  ) throws -> (run: Run, peakKB: Int?) {
    let work = try TempDirectory(prefix: "toaster-dk-remote-run")
    defer { work.remove() }
    try work.write(message, to: "message")
    for name in try FileManager.default.contentsOfDirectory(atPath: records) {
      try FileManager.default.removeItem(atPath: records + "/" + name)
    }
    var variables = environment
    variables["TOASTER_DK_ROOT"] = variables["TOASTER_DK_ROOT"] ?? root
    variables["FAKER_DIR"] = records
    variables["PATH"] = "/usr/bin:/bin"
    let input = pipeInput ? "cat \"$m\" | " : ""
    let redirect = pipeInput ? "" : " <\"$m\""
    // qmail-rspawn runs it as "qmail-remote"; /usr/bin/time can only pass the path.
    let start = measure ? "/usr/bin/time -f %M -o \"$o.rss\" " : "-a qmail-remote "
    let errors = shared ? " 2>&1" : " 2>\"$o.err\""
    let command =
      "p=$1 m=$2 o=$3; shift 3; " + input + "exec " + start + "\"$p\" \"$@\"" + redirect
      + " >\"$o\"" + errors
    let result = try ProcessRunner.run(
      "/bin/bash",
      ["-c", command, "sh", program ?? launcher, work.join("message"), work.join("out")]
        + arguments,
      environment: variables, clearEnvironment: true)
    let output = (try? work.read("out")) ?? []
    let stderr = (try? work.read("out.err")).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let peak = (try? work.read("out.rss")).flatMap {
      Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let run = Run(
      status: result.status, output: output, stderr: stderr,
      argv: recorded("argv").map {
        $0.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
          String(decoding: $0, as: UTF8.self)
        }
      }, message: recorded("msg"),
      fds: recorded("fds").map { String(decoding: $0, as: UTF8.self) })
    return (run, peak)
  }

  private func recorded(_ kind: String) -> [UInt8]? {
    guard
      let name = try? FileManager.default.contentsOfDirectory(atPath: records)
        .first(where: { $0.hasPrefix(kind + ".") })
    else { return nil }
    return (try? Data(contentsOf: URL(fileURLWithPath: records + "/" + name))).map { Array($0) }
  }

  func remove() { sandbox.remove() }
}

struct RemoteTestError: Error, CustomStringConvertible {
  let text: String
  var description: String { text }
}
