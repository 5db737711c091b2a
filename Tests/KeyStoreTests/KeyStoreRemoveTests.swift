import Foundation
import KeyStore
import Testing

@Suite struct KeyStoreRemoveTests {
  @Test func needsConfirmationAndMovesNothingWithout() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    #expect(throws: KeyStoreError.confirmationRequired(path: box.path("example.com"))) {
      try box.store.remove(
        domain: DomainName("example.com"), selector: nil, confirmed: false, timestamp: 0)
    }
    #expect(throws: KeyStoreError.confirmationRequired(path: box.path("example.com/private"))) {
      try box.store.remove(
        domain: DomainName("example.com"), selector: .toasterDefault, confirmed: false, timestamp: 0
      )
    }
    #expect(FileManager.default.fileExists(atPath: box.path("example.com/private")))
    #expect(!FileManager.default.fileExists(atPath: box.path(".removed")))
  }

  @Test func removesAWholeDomainInOneMove() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.add("example.com", selector: "s2")
    let result = try box.store.remove(
      domain: DomainName("example.com"), selector: nil, confirmed: true, timestamp: 0)
    #expect(result.removed == [box.path("example.com")])
    #expect(result.backups == [box.path(".removed/example.com.19700101T000000Z")])
    #expect(!FileManager.default.fileExists(atPath: box.path("example.com")))
    let kept = try FileManager.default.contentsOfDirectory(atPath: result.backups[0]).sorted()
    #expect(kept == ["private", "private.txt", "s2", "s2.txt"])
  }

  @Test func removesOneSelectorWithItsRecordFiles() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.tmp.write("k=rsa; p=\n", to: "var/qmail/control/domainkeys/example.com/public.txt")
    try box.add("example.com", selector: "s2")
    let result = try box.store.remove(
      domain: DomainName("example.com"), selector: .toasterDefault, confirmed: true,
      timestamp: 86400)
    let base = box.path(".removed/example.com.private.19700102T000000Z")
    #expect(result.backups == [base, base + ".private.txt", base + ".public.txt"])
    let left = try FileManager.default.contentsOfDirectory(atPath: box.path("example.com")).sorted()
    #expect(left == ["s2", "s2.txt"])
  }

  @Test func missingKeyIsNoInput() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    #expect(
      throws: KeyStoreError.noSuchKey(path: box.path("example.com/nope"), domain: "example.com")
    ) {
      try box.store.remove(
        domain: DomainName("example.com"), selector: SelectorName("nope"), confirmed: true,
        timestamp: 0)
    }
  }
}
