import Foundation
import KeyStore
import TestSupport

/// A sandbox key directory for the key-store interop tests, owned by the test user.
struct KeyTree {
  let tmp: TempDirectory
  let store: KeyStore
  let groupName: String

  init() throws {
    tmp = try TempDirectory(prefix: "keytree-interop")
    try FileManager.default.createDirectory(
      atPath: tmp.join("var/qmail/control"), withIntermediateDirectories: true)
    store = KeyStore(path: tmp.join("var/qmail/control/domainkeys"))
    groupName = String(getegid())
  }

  /// `--root` for the CLI.
  var root: String { tmp.path }

  /// Adds a key (RSA 2048 unless told) and returns what `add` reported.
  @discardableResult
  func add(
    _ domain: String = "example.com", selector: String = "private", algorithm: String = "rsa",
    bits: Int? = nil
  ) throws -> AddKeyResult {
    let spec = try KeySpec(algorithmName: algorithm, bits: bits, allowLegacySize: true)
    let ownership = try KeyOwnership.resolve(owner: String(geteuid()), group: groupName)
    return try store.add(
      AddKeyRequest(
        domain: DomainName(domain), selector: SelectorName(selector), spec: spec,
        ownership: ownership, recordOptions: RecordOptions(), timestamp: 0))
  }

  /// Runs a real program, requiring success.
  static func run(
    _ name: String, _ arguments: [String], stdin: [UInt8] = [], in directory: String? = nil
  ) throws -> ProcessResult {
    guard let path = RealBinary.find(name) else { throw KeyTreeError(text: "\(name) missing") }
    let result = try ProcessRunner.run(path, arguments, stdin: stdin, currentDirectory: directory)
    guard result.status == 0 else {
      throw KeyTreeError(text: "\(name) \(arguments.joined(separator: " ")): \(result)")
    }
    return result
  }

  func remove() { tmp.remove() }
}

/// A peer program failed or is missing.
struct KeyTreeError: Error, CustomStringConvertible {
  let text: String
  var description: String { text }
}
