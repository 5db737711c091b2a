import Foundation
import KeyStore
import TestSupport
import Testing

@Suite struct SignerAccountTests {
  let vpopmail = SignerAccount(name: "vpopmail", user: 89, groups: [89, 12])

  @Test func judgesAsTheKernelDoes() {
    #expect(vpopmail.may(.read, ObservedPermissions(mode: 0o440, owner: 0, group: 89)))
    #expect(vpopmail.may(.read, ObservedPermissions(mode: 0o440, owner: 0, group: 12)))
    #expect(!vpopmail.may(.read, ObservedPermissions(mode: 0o400, owner: 0, group: 89)))
    #expect(!vpopmail.may(.read, ObservedPermissions(mode: 0o440, owner: 0, group: 0)))
    #expect(vpopmail.may(.read, ObservedPermissions(mode: 0o444, owner: 0, group: 0)))
    // The owner's bits apply to the owner even when the group's would allow more.
    #expect(!vpopmail.may(.read, ObservedPermissions(mode: 0o040, owner: 89, group: 89)))
    #expect(!vpopmail.may(.search, ObservedPermissions(mode: 0o700, owner: 0, group: 0)))
    #expect(
      vpopmail.missingBit(.search, ObservedPermissions(mode: 0o700, owner: 0, group: 0))
        .chmod == "o+x")
    let root = SignerAccount(name: "root", user: 0, groups: [0])
    #expect(root.may(.read, ObservedPermissions(mode: 0o000, owner: 5, group: 5)))
  }

  @Test func looksUpGroupsAndNamesAMissingUser() throws {
    let nobody = try SignerAccount.lookup("nobody")
    #expect(nobody.user == 65534 && nobody.groups.first == 65534)
    #expect(throws: KeyStoreError.unknownSigner("no-such-user-here")) {
      try SignerAccount.lookup("no-such-user-here")
    }
    #expect(try SignerAccount.resolve([]).problem != nil || AccountNames.userID("vpopmail") != nil)
  }
}

/// A tree owned root:nogroup, which `nobody` (group nogroup) reads as qmail-dk reads as
/// vpopmail:vchkpw on a toaster.
struct SignerTree {
  let tmp: TempDirectory
  let store: KeyStore
  let ownership = KeyOwnership(ownerName: "root", owner: 0, groupName: "nogroup", group: 65534)

  init() throws {
    tmp = try TempDirectory(prefix: "signer-test")
    try FileManager.default.createDirectory(
      atPath: tmp.join("var/qmail/control"), withIntermediateDirectories: true)
    store = KeyStore(path: tmp.join("var/qmail/control/domainkeys"), top: tmp.path)
    let spec = try KeySpec(algorithm: .rsa, bits: 2048)
    _ = try store.add(
      AddKeyRequest(
        domain: DomainName("example.com"), spec: spec, ownership: ownership,
        recordOptions: RecordOptions(), timestamp: 0))
  }

  var key: String { store.path + "/example.com/private" }

  func problems() throws -> [String] {
    try store.inventory(group: "nogroup", signerNames: ["nobody"]).allProblems
  }
}

@Suite(.enabled(if: geteuid() == 0, "needs root to give files to nogroup"))
struct SignerAccessTests {
  @Test func conventionIsReadable() throws {
    let tree = try SignerTree()
    defer { tree.tmp.remove() }
    #expect(try tree.problems() == [])
  }

  // Each of these reported "ok" while qmail-dk, reading as vpopmail, could not sign.
  @Test(arguments: ["key 0400", "key chgrp root", "domainkeys 0700", "domain 0700", "control 0700"])
  func blockedSignerIsFlaggedThenRepaired(_ name: String) throws {
    let tree = try SignerTree()
    defer { tree.tmp.remove() }
    let control = tree.tmp.join("var/qmail/control")
    switch name {
    case "key 0400": chmod(tree.key, 0o400)
    case "key chgrp root": chown(tree.key, 0, 0)
    case "domainkeys 0700": chmod(tree.store.path, 0o700)
    case "domain 0700": chmod(tree.store.path + "/example.com", 0o700)
    default: chmod(control, 0o700)
    }
    let found = try tree.problems()
    #expect(found.contains { $0.contains("nobody (group nogroup) cannot") }, "\(name): \(found)")
    let audit = try tree.store.fixPermissions(
      domain: nil, ownership: tree.ownership, signerNames: ["nobody"], dryRun: false)
    if name == "control 0700" {
      #expect(audit.warnings.contains { $0.hasSuffix("chmod o+x \(control)") }, "\(audit)")
      chmod(control, 0o755)
    }
    #expect(try tree.problems() == [], "\(name) after fix-perms: \(audit.changes)")
  }

  @Test func signerOutsideTheGroupIsAWarning() throws {
    let tree = try SignerTree()
    defer { tree.tmp.remove() }
    let other = KeyOwnership(ownerName: "root", owner: 0, groupName: "root", group: 0)
    let audit = try tree.store.fixPermissions(
      domain: nil, ownership: other, signerNames: ["nobody"], dryRun: true)
    #expect(audit.warnings.contains { $0.hasSuffix("pass --group nogroup") }, "\(audit.warnings)")
  }
}
