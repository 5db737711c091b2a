import Foundation
import KeyStore
import Testing

@Suite struct KeyStoreFixPermissionsTests {
  @Test func dryRunListsThenRepairFixes() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    chmod(box.path("example.com"), 0o755)
    chmod(box.path("example.com/private"), 0o444)
    chmod(box.path("example.com/private.txt"), 0o600)
    let dry = try box.store.fixPermissions(
      domain: nil, ownership: box.ownership, signerNames: box.signers, dryRun: true)
    #expect(
      dry.changes.map(\.path)
        == ["example.com", "example.com/private", "example.com/private.txt"].map(box.path))
    #expect(dry.changes.map(\.kind) == ["directory", "key", "record"])
    #expect(dry.changes[1].description.hasPrefix(box.path("example.com/private") + ": key 0444 "))
    #expect(try box.mode("example.com/private") == 0o444)
    let fixed = try box.store.fixPermissions(
      domain: nil, ownership: box.ownership, signerNames: box.signers, dryRun: false)
    #expect(fixed.changes.count == 3 && fixed.applied)
    #expect(try box.mode("example.com") == 0o750)
    #expect(try box.mode("example.com/private") == 0o440)
    #expect(try box.mode("example.com/private.txt") == 0o644)
    #expect(
      try box.store.fixPermissions(
        domain: nil, ownership: box.ownership, signerNames: box.signers, dryRun: true
      ).changes
        .isEmpty)
  }

  @Test func leavesLinksAndTempFilesAlone() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    let outside = box.tmp.join("outside")
    try box.tmp.write("x", to: "outside")
    chmod(outside, 0o666)
    try FileManager.default.createSymbolicLink(
      atPath: box.path("example.com/link"), withDestinationPath: outside)
    try box.tmp.write("x", to: "var/qmail/control/domainkeys/example.com/.private.tmp.1.2")
    let audit = try box.store.fixPermissions(
      domain: DomainName("example.com"), ownership: box.ownership, signerNames: box.signers,
      dryRun: false)
    #expect(audit.changes.isEmpty)
    #expect(audit.warnings.count == 2)
    var info = stat()
    stat(outside, &info)
    #expect(info.st_mode & 0o777 == 0o666)
  }
}

@Suite struct KeyStoreFixPermissionsBackupTests {
  @Test func backupDirectoryIsOwnerOnly() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.add("example.com", force: true)
    chmod(box.path(".removed"), 0o755)
    let audit = try box.store.fixPermissions(
      domain: nil, ownership: box.ownership, signerNames: box.signers, dryRun: false)
    #expect(audit.changes.map(\.kind) == ["backup directory"])
    #expect(try box.mode(".removed") == 0o700)
  }
}
