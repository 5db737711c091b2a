import Foundation
import KeyStore
import TestSupport
import Testing
import ToasterSupport

@Suite struct AccessControlListTests {
  @Test func encodesWhatTheKernelStoresAndDecodesItBack() throws {
    let acl = AccessControlList(mode: 0o440, users: [7794], bits: 4)
    // setfacl -m u:7794:r on a 0440 file stores exactly these entries (getfattr -e hex).
    let expected: [UInt8] =
      [2, 0, 0, 0] + [1, 0, 4, 0, 0xFF, 0xFF, 0xFF, 0xFF] + [2, 0, 4, 0, 0x72, 0x1E, 0, 0]
      + [4, 0, 4, 0, 0xFF, 0xFF, 0xFF, 0xFF] + [0x10, 0, 4, 0, 0xFF, 0xFF, 0xFF, 0xFF]
      + [0x20, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
    #expect(acl.attribute == expected)
    #expect(AccessControlList(attribute: expected) == acl)
    #expect(AccessControlList(attribute: [1, 0, 0, 0]) == nil)
    #expect(AccessControlList(attribute: Array(expected.dropLast())) == nil)
  }

  @Test func grantsByOwnerNamedUserGroupThenOther() {
    let acl = AccessControlList(mode: 0o440, users: [7794], bits: 4)
    #expect(acl.bits(user: 0, memberOf: [], fileOwner: 0, fileGroup: 89) == 4)
    #expect(acl.bits(user: 7794, memberOf: [2108], fileOwner: 0, fileGroup: 89) == 4)
    #expect(acl.bits(user: 89, memberOf: [89], fileOwner: 0, fileGroup: 89) == 4)
    #expect(acl.bits(user: 7791, memberOf: [2108], fileOwner: 0, fileGroup: 89) == 0)
    var masked = acl
    masked.mask = 0
    #expect(masked.bits(user: 7794, memberOf: [], fileOwner: 0, fileGroup: 89) == 0)
  }

  @Test(.disabled(if: RealBinary.missingReason("getfacl") != nil, "getfacl not installed"))
  func fixPermsGivesEachKeyReaderItsEntryAndUninstallTakesItOff() throws {
    let directory = try TempDirectory(prefix: "toaster-dk-acl")
    defer { directory.remove() }
    let paths = ToasterPaths(root: directory.path)
    try directory.write("k", to: "var/qmail/control/domainkeys/example.com/private")
    try directory.write("v=DKIM1\n", to: "var/qmail/control/domainkeys/example.com/private.txt")
    let store = KeyStore(paths: paths)
    let ownership = try KeyOwnership.resolve(owner: "root", group: "root")
    #expect(try store.setReader("nobody"))
    #expect(try store.readerNames() == ["nobody"])
    let audit = try store.fixPermissions(domain: nil, ownership: ownership, dryRun: false)
    #expect(audit.changes.map(\.description).contains { $0.contains("+user:nobody:r--") })
    let key = directory.join("var/qmail/control/domainkeys/example.com/private")
    let facl = try ProcessRunner.run("/usr/bin/env", ["getfacl", "-cp", key]).stdoutText
    #expect(facl == "user::r--\nuser:nobody:r--\ngroup::r--\nmask::r--\nother::---\n\n", "\(facl)")
    let dir = try ProcessRunner.run(
      "/usr/bin/env",
      ["getfacl", "-cp", directory.join("var/qmail/control/domainkeys/example.com")]
    ).stdoutText
    #expect(dir.contains("user:nobody:--x\n"), "\(dir)")
    let record = try ProcessRunner.run(
      "/usr/bin/env", ["getfacl", "-cp", key + ".txt"]
    ).stdoutText
    #expect(!record.contains("nobody"))
    // Done once, nothing more to do.
    #expect(
      try store.fixPermissions(domain: nil, ownership: ownership, dryRun: false).changes.isEmpty)
    #expect(try store.setReader("nobody", remove: true))
    _ = try store.fixPermissions(domain: nil, ownership: ownership, dryRun: false)
    let after = try ProcessRunner.run("/usr/bin/env", ["getfacl", "-cp", key]).stdoutText
    #expect(after == "user::r--\ngroup::r--\nother::---\n\n", "\(after)")
  }

  @Test func judgesReadabilityThroughTheACL() throws {
    let nobody = try SignerAccount.lookup("nobody")
    let plain = ObservedPermissions(mode: 0o440, owner: 0, group: 0)
    #expect(!nobody.may(.read, plain))
    let shared = plain.with(acl: AccessControlList(mode: 0o440, users: [nobody.user], bits: 4))
    #expect(nobody.may(.read, shared))
    #expect(shared.description == "0440 root:root +user:nobody:r--")
  }
}
