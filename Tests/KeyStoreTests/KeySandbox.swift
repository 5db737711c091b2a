import Foundation
import KeyStore
import TestSupport

/// A fresh key directory in a temp dir, owned by the test user (vchkpw when it exists).
struct KeySandbox {
  let tmp: TempDirectory
  let store: KeyStore
  let ownership: KeyOwnership

  init() throws {
    tmp = try TempDirectory(prefix: "keystore-test")
    try FileManager.default.createDirectory(
      atPath: tmp.join("var/qmail/control"), withIntermediateDirectories: true)
    store = KeyStore(path: tmp.join("var/qmail/control/domainkeys"))
    let group =
      AccountNames.groupID("vchkpw") != nil && geteuid() == 0 ? "vchkpw" : String(getegid())
    ownership = try KeyOwnership.resolve(owner: String(geteuid()), group: group)
  }

  /// The signing user judged in tests: this process's user, which may read everything.
  let signers = [String(geteuid())]

  /// The key directory path.
  var keys: String { store.path }

  /// `<keys>/<relative>`.
  func path(_ relative: String) -> String { keys + "/" + relative }

  /// The mode bits of `relative` (not following a link).
  func mode(_ relative: String) throws -> Int {
    var info = stat()
    guard lstat(path(relative), &info) == 0 else { throw POSIXError(.ENOENT) }
    return Int(info.st_mode & 0o7777)
  }

  /// Adds a key with the sandbox ownership.
  @discardableResult
  func add(
    _ domain: String, selector: String = "private", algorithm: String = "rsa", bits: Int? = 1024,
    force: Bool = false, timestamp: Int = 1_767_225_600
  ) throws -> AddKeyResult {
    let spec = try KeySpec(
      algorithmName: algorithm, bits: algorithm == "rsa" ? bits : nil, allowLegacySize: true)
    return try store.add(
      AddKeyRequest(
        domain: DomainName(domain), selector: SelectorName(selector), spec: spec,
        ownership: ownership, force: force, recordOptions: RecordOptions(), timestamp: timestamp))
  }

  func remove() { tmp.remove() }
}
