import DKEngine
import Foundation
import LibCrypto
import TestSupport

/// The real DomainKeys/DKIM implementations the interop tests compare against.
enum DKPeer {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts").path

  /// Why Mail::DKIM tests must be skipped, or nil when it is installed.
  static let mailDKIMMissing: String? = {
    guard let perl = RealBinary.find("perl") else { return "not installed: perl" }
    let probe = try? ProcessRunner.run(perl, ["-MMail::DKIM::Verifier", "-e", "1"])
    return probe?.status == 0 ? nil : "not installed: Mail::DKIM (libmail-dkim-perl)"
  }()

  /// Why dkimpy tests must be skipped, or nil when it is installed with PyNaCl.
  static let dkimpyMissing: String? = {
    guard let python = RealBinary.find("python3") else { return "not installed: python3" }
    let probe = try? ProcessRunner.run(python, ["-c", "import dkim, nacl"])
    return probe?.status == 0 ? nil : "not installed: dkimpy with pynacl"
  }()

  /// Mail::DKIM's verdicts (`PREFIX RESULT DETAIL` lines) for `message` with `record`.
  static func mailDKIMVerify(_ message: [UInt8], record: String) throws -> [String] {
    try run("perl", "mail-dkim.pl", ["verify", record], stdin: message)
  }

  /// The header field Mail::DKIM signs `message` with.
  static func mailDKIMSign(
    _ message: [UInt8], key: PrivateKey, mode: String, selector: String, domain: String,
    method: String, algorithm: String = "rsa-sha1"
  ) throws -> String {
    try withKeyFile(key) { path in
      try run(
        "perl", "mail-dkim.pl", [mode, path, selector, domain, method, algorithm], stdin: message
      ).joined(separator: "\r\n")
    }
  }

  /// dkimpy's verdict (`pass`/`fail`) for each DKIM-Signature of `message`.
  static func dkimpyVerify(_ message: [UInt8], record: String) throws -> [String] {
    try run("python3", "dkimpy.py", ["verify", record], stdin: message)
  }

  /// dkimpy's verdicts with each record served for its DNS name (`sel._domainkey.domain`).
  static func dkimpyVerify(_ message: [UInt8], records: [String: String]) throws -> [String] {
    let arguments = records.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return try run("python3", "dkimpy.py", ["verify"] + arguments, stdin: message)
  }

  /// The DKIM-Signature field dkimpy signs `message` with (folded, CRLF).
  static func dkimpySign(
    _ message: [UInt8], keyFileBytes: [UInt8], selector: String, domain: String,
    canonicalization: String, algorithm: String
  ) throws -> String {
    let directory = try TempDirectory()
    defer { directory.remove() }
    try directory.write(keyFileBytes, to: "key")
    return try run(
      "python3", "dkimpy.py",
      ["sign", directory.join("key"), selector, domain, canonicalization, algorithm],
      stdin: message
    ).joined(separator: "\n")
  }

  private static func withKeyFile<T>(_ key: PrivateKey, _ body: (String) throws -> T) throws -> T {
    let directory = try TempDirectory()
    defer { directory.remove() }
    try directory.write(try key.pkcs8PEM(), to: "key.pem")
    return try body(directory.join("key.pem"))
  }

  private static func run(
    _ interpreter: String, _ script: String, _ arguments: [String], stdin: [UInt8]
  ) throws -> [String] {
    guard let program = RealBinary.find(interpreter) else { throw PeerError(text: interpreter) }
    let result = try ProcessRunner.run(
      program, [scripts + "/" + script] + arguments, stdin: stdin)
    guard result.status == 0 else { throw PeerError(text: result.description) }
    return result.stdoutText.split(separator: "\n").map(String.init)
  }
}

/// A peer program failed.
struct PeerError: Error, CustomStringConvertible {
  let text: String
  var description: String { "peer failed: \(text)" }
}
