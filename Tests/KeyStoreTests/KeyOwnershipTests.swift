import KeyStore
import Testing
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct KeyOwnershipTests {
  // 0400 would leave qmail-dk, which reads keys with the group, unable to sign.
  @Test func keysAreAlwaysReadableByTheGroup() {
    let ownership = KeyOwnership(ownerName: "root", owner: 0, groupName: "g", group: 5)
    #expect(ownership.key == FilePermissions(mode: 0o440, owner: 0, group: 5))
  }

  @Test func onlyRootGivesFilesAway() throws {
    let ownership = KeyOwnership(ownerName: "root", owner: 0, groupName: "vchkpw", group: 89)
    try ownership.checkPermitted(effectiveUser: 0, groups: [0])
    #expect(
      throws: KeyStoreError.notPermitted(owner: "root", group: "vchkpw")
    ) { try ownership.checkPermitted(effectiveUser: 1000, groups: [1000, 89]) }
    let mine = KeyOwnership(ownerName: "me", owner: 1000, groupName: "staff", group: 50)
    try mine.checkPermitted(effectiveUser: 1000, groups: [1000, 50])
    #expect(throws: KeyStoreError.self) {
      try mine.checkPermitted(effectiveUser: 1000, groups: [1000])
    }
  }

  @Test func missingGroupNamesTheOption() {
    #expect(
      throws: KeyStoreError.unknownGroup("no-such-group-here")
    ) { try KeyOwnership.resolve(owner: nil, group: "no-such-group-here") }
    #expect(
      KeyStoreError.unknownGroup("vchkpw").description
        == "group vchkpw does not exist: install vpopmail (which creates it) or pass --group GROUP")
  }

  @Test func numericIDsNeedNoDatabase() throws {
    let ownership = try KeyOwnership.resolve(owner: "0", group: "4242")
    #expect(ownership.owner == 0 && ownership.group == 4242)
  }
}
