import Foundation
import KeyStore
import Testing

@Suite struct KeyStoreBackupNameTests {
  // Two removals in the same second: the key used to become STAMP.1 while its record file
  // became STAMP.private.txt.1, so nothing told which record went with which key.
  @Test func keyAndRecordKeepMatchingNamesWhenTheStampCollides() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    var pairs: [[String]] = []
    for _ in 0..<3 {
      try box.add("example.com")
      let result = try box.store.remove(
        domain: DomainName("example.com"), selector: .toasterDefault, confirmed: true,
        timestamp: 0)
      pairs.append(result.backups)
    }
    let base = box.path(".removed/example.com.private.19700101T000000Z")
    #expect(
      pairs == [
        [base, base + ".private.txt"], [base + ".1", base + ".1.private.txt"],
        [base + ".2", base + ".2.private.txt"],
      ])
  }

  @Test func aStrayRecordBackupMovesTheWholeGroupOn() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.tmp.write(
      "x",
      to: "var/qmail/control/domainkeys/.removed/example.com.private.19700101T000000Z"
        + ".private.txt")
    let result = try box.store.remove(
      domain: DomainName("example.com"), selector: .toasterDefault, confirmed: true, timestamp: 0)
    let base = box.path(".removed/example.com.private.19700101T000000Z.1")
    #expect(result.backups == [base, base + ".private.txt"])
  }
}
