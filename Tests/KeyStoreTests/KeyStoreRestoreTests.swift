import Foundation
import KeyStore
import Testing

@Suite struct KeyStoreRestoreTests {
  static let domain = "example.com"

  /// The bytes and `stat` mode of each file, for byte-for-byte comparisons.
  private func snapshot(_ box: KeySandbox, _ names: [String]) throws -> [String: String] {
    var state: [String: String] = [:]
    for name in names {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: box.path(name)))
      state[name] = "\(bytes.base64EncodedString()) \(try box.mode(name))"
    }
    return state
  }

  @Test func aRemovedDomainComesBackByteForByte() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add(Self.domain)
    try box.add(Self.domain, selector: "ed", algorithm: "ed25519")
    let names = ["private", "private.txt", "ed", "ed.txt"].map { "\(Self.domain)/\($0)" }
    let before = try snapshot(box, names)
    _ = try box.store.remove(
      domain: DomainName(Self.domain), selector: nil, confirmed: true, timestamp: 0)
    let result = try box.store.restore(
      domain: DomainName(Self.domain), selector: nil, from: nil, ownership: box.ownership)
    #expect(result.backup.description == "19700101T000000Z (whole domain)")
    #expect(
      result.moved.map(\.to).suffix(2) == [
        box.path("example.com/ed"), box.path("example.com/private"),
      ])
    #expect(try snapshot(box, names) == before)
    #expect(try box.mode(Self.domain) == 0o750)
    #expect(try FileManager.default.contentsOfDirectory(atPath: box.path(".removed")).isEmpty)
  }

  @Test func oneSelectorComesBackAndALiveKeyIsNeverOverwritten() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add(Self.domain)
    let names = ["\(Self.domain)/private", "\(Self.domain)/private.txt"]
    let before = try snapshot(box, names)
    let domain = try DomainName(Self.domain)
    _ = try box.store.remove(
      domain: domain, selector: .toasterDefault, confirmed: true, timestamp: 0)
    try box.add(Self.domain, timestamp: 86400)
    let live = try snapshot(box, names)
    #expect(throws: KeyStoreError.keyExists(path: box.path("example.com/private.txt"))) {
      try box.store.restore(domain: domain, selector: nil, from: nil, ownership: box.ownership)
    }
    #expect(try snapshot(box, names) == live)
    _ = try box.store.remove(
      domain: domain, selector: .toasterDefault, confirmed: true, timestamp: 86400)
    #expect(
      throws: KeyStoreError.ambiguousBackup(
        domain: Self.domain,
        choices: ["19700101T000000Z (selector private)", "19700102T000000Z (selector private)"])
    ) {
      try box.store.restore(domain: domain, selector: nil, from: nil, ownership: box.ownership)
    }
    _ = try box.store.restore(
      domain: domain, selector: .toasterDefault, from: "19700101T000000Z", ownership: box.ownership)
    #expect(try snapshot(box, names) == before)
  }

  @Test func nothingToRestoreSaysWhatThereIs() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add(Self.domain)
    let domain = try DomainName(Self.domain)
    #expect(
      throws: KeyStoreError.noBackup(
        path: box.path(".removed"), domain: Self.domain, available: [])
    ) {
      try box.store.restore(domain: domain, selector: nil, from: nil, ownership: box.ownership)
    }
    _ = try box.store.remove(domain: domain, selector: nil, confirmed: true, timestamp: 0)
    #expect(
      throws: KeyStoreError.noBackup(
        path: box.path(".removed/example.com.*"), domain: Self.domain,
        available: ["19700101T000000Z (whole domain)"])
    ) {
      try box.store.restore(
        domain: domain, selector: nil, from: "20990101T000000Z", ownership: box.ownership)
    }
    #expect(!FileManager.default.fileExists(atPath: box.path(Self.domain)))
  }
}
