import Foundation
import KeyStore
import Testing

@Suite struct KeyStoreAddTests {
  @Test func createsTheLayoutWithConventionalModes() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    let result = try box.add("Example.COM")
    #expect(result.keyPath == box.path("example.com/private"))
    #expect(result.recordPath == box.path("example.com/private.txt"))
    #expect(try box.mode("example.com") == 0o750)
    #expect(try box.mode("example.com/private") == 0o440)
    #expect(try box.mode("example.com/private.txt") == 0o644)
    let record = try String(contentsOfFile: result.recordPath, encoding: .utf8)
    #expect(record == result.records.key.value + "\n")
    let pem = try String(contentsOfFile: result.keyPath, encoding: .utf8)
    #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.path("example.com"))
    #expect(leftovers.sorted() == ["private", "private.txt"])
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    let before = try Data(contentsOf: URL(fileURLWithPath: box.path("example.com/private")))
    #expect(throws: KeyStoreError.keyExists(path: box.path("example.com/private"))) {
      try box.add("example.com")
    }
    let after = try Data(contentsOf: URL(fileURLWithPath: box.path("example.com/private")))
    #expect(before == after)
  }

  @Test func forceKeepsTheOldKeyInRemoved() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    let old = try Data(contentsOf: URL(fileURLWithPath: box.path("example.com/private")))
    let result = try box.add("example.com", force: true)
    #expect(result.backupPath == box.path(".removed/example.com.private.20260101T000000Z"))
    let kept = try Data(contentsOf: URL(fileURLWithPath: try #require(result.backupPath)))
    #expect(kept == old)
    #expect(try box.mode(".removed") == 0o700)
    let new = try Data(contentsOf: URL(fileURLWithPath: box.path("example.com/private")))
    #expect(new != old)
    let again = try box.add("example.com", force: true)
    #expect(again.backupPath == box.path(".removed/example.com.private.20260101T000000Z.1"))
  }

  @Test func refusesASymlinkedDomainDirectory() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    let elsewhere = box.tmp.join("elsewhere")
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: box.path("evil.com"), withDestinationPath: elsewhere)
    #expect(throws: KeyStoreError.symbolicLink(path: box.path("evil.com"))) {
      try box.add("evil.com")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
  }

  @Test func refusesASymlinkAtTheKeyPath() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com", selector: "other")
    let target = box.tmp.join("stolen")
    try FileManager.default.createSymbolicLink(
      atPath: box.path("example.com/private"), withDestinationPath: target)
    #expect(throws: KeyStoreError.symbolicLink(path: box.path("example.com/private"))) {
      try box.add("example.com", force: true)
    }
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test func tightensAnExistingDomainDirectory() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try FileManager.default.createDirectory(
      atPath: box.path("example.com"), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o777])
    try box.add("example.com")
    #expect(try box.mode("example.com") == 0o750)
  }

  @Test func ed25519KeysLoadBack() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    let result = try box.add("example.com", selector: "ed", algorithm: "ed25519")
    #expect(result.records.key.value.hasPrefix("v=DKIM1; k=ed25519; p="))
    let again = try box.store.records(
      domain: DomainName("example.com"), selector: SelectorName("ed"), options: RecordOptions())
    #expect(again == result.records)
  }
}

@Suite struct KeyStoreReplaceHandMadeTests {
  @Test func forceMovesTheHandMadePublicTxtWithTheOldKey() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.tmp.write("k=rsa; p=OLD\n", to: "var/qmail/control/domainkeys/example.com/public.txt")
    let result = try box.add("example.com", force: true)
    let backup = try #require(result.backupPath)
    #expect(FileManager.default.fileExists(atPath: backup + ".public.txt"))
    let left = try FileManager.default.contentsOfDirectory(atPath: box.path("example.com")).sorted()
    #expect(left == ["private", "private.txt"])
  }
}
