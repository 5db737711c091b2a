import Foundation
import TestSupport

/// Mail::DKIM and dkimpy for the wrapper's output, through the interop tests' driver scripts, keys fed locally.
enum RemotePeers {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("InteropTests/Scripts").path

  /// Why the peers cannot run, or nil when Mail::DKIM and dkimpy are both installed.
  static let missing: String? = {
    let perl = try? ProcessRunner.run(
      "/usr/bin/env", ["perl", "-MMail::DKIM::Verifier", "-e", "1"])
    let python = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import dkim"])
    if perl?.status != 0 { return "not installed: Mail::DKIM (libmail-dkim-perl)" }
    if python?.status != 0 { return "not installed: dkimpy" }
    return nil
  }()

  /// Mail::DKIM's `KIND RESULT DETAIL` lines, one per signature (`DomainKey pass`, `DKIM pass`).
  static func mailDKIM(_ message: [UInt8], record: String) throws -> [String] {
    try run(["perl", scripts + "/mail-dkim.pl", "verify", record], message)
  }

  /// dkimpy's `pass`/`fail` per DKIM-Signature.
  static func dkimpy(_ message: [UInt8], record: String) throws -> [String] {
    try run(["python3", scripts + "/dkimpy.py", "verify", record], message)
  }

  /// dkimpy's `pass`/`fail` per DKIM-Signature, each `NAME=RECORD` answering for its name.
  static func dkimpy(_ message: [UInt8], records: [String]) throws -> [String] {
    try run(["python3", scripts + "/dkimpy.py", "verify"] + records, message)
  }

  private static func run(_ arguments: [String], _ message: [UInt8]) throws -> [String] {
    let result = try ProcessRunner.run("/usr/bin/env", arguments, stdin: message)
    guard result.status == 0 else { throw RemoteTestError(text: "\(arguments[0]): \(result)") }
    return result.stdoutText.split(separator: "\n").map(String.init)
  }
}
