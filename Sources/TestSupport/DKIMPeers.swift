import Foundation

/// Mail::DKIM and dkimpy as verifiers of what the mail-path programs wrote, through the
/// interop tests' driver scripts, with the public keys fed locally.
public enum DKIMPeers {
  /// The driver scripts: `Tests/InteropTests/Scripts`.
  public static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/InteropTests/Scripts").path

  /// Why the peers cannot run, or nil when Mail::DKIM and dkimpy are both installed.
  public static let missing: String? = {
    let perl = try? ProcessRunner.run(
      "/usr/bin/env", ["perl", "-MMail::DKIM::Verifier", "-e", "1"])
    let python = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import dkim"])
    if perl?.status != 0 { return "not installed: Mail::DKIM (libmail-dkim-perl)" }
    if python?.status != 0 { return "not installed: dkimpy" }
    return nil
  }()

  /// Mail::DKIM's `KIND RESULT DETAIL` lines, one per signature (`DomainKey pass`, `DKIM pass`).
  ///
  /// - Throws: `PeerFailure` when the script fails.
  public static func mailDKIM(_ message: [UInt8], record: String) throws -> [String] {
    try run(["perl", scripts + "/mail-dkim.pl", "verify", record], message)
  }

  /// dkimpy's `pass`/`fail` per DKIM-Signature, every key name answered by `record`.
  ///
  /// - Throws: `PeerFailure` when the script fails.
  public static func dkimpy(_ message: [UInt8], record: String) throws -> [String] {
    try run(["python3", scripts + "/dkimpy.py", "verify", record], message)
  }

  /// dkimpy's `pass`/`fail` per DKIM-Signature, each key name (`s._domainkey.d`) with its
  /// own record.
  ///
  /// - Throws: `PeerFailure` when the script fails.
  public static func dkimpy(_ message: [UInt8], records: [String: String]) throws -> [String] {
    try run(
      ["python3", scripts + "/dkimpy.py", "verify"]
        + records.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }, message)
  }

  private static func run(_ arguments: [String], _ message: [UInt8]) throws -> [String] {
    let result = try ProcessRunner.run("/usr/bin/env", arguments, stdin: message)
    guard result.status == 0 else { throw PeerFailure(text: "\(arguments[0]): \(result)") }
    return result.stdoutText.split(separator: "\n").map(String.init)
  }

  /// A peer script that exited non-zero, with its output.
  public struct PeerFailure: Error, CustomStringConvertible {
    /// The program and its transcript.
    public let text: String
    public var description: String { text }
  }
}
