import KeyStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct KeyOwnershipTests {
  @Test(arguments: [0o444, 0o640, 0o660, 0o600, 0o040, 0o4440, 0o550])
  func refusesModesBeyondOwnerAndGroupRead(mode: Int) {
    #expect(throws: KeyStoreError.self) {
      try KeyOwnership(ownerName: "root", owner: 0, groupName: "g", group: 5, keyMode: mode_t(mode))
    }
  }

  @Test func acceptsTheConventionalModes() throws {
    for mode in [0o440, 0o400] {
      let ownership = try KeyOwnership(
        ownerName: "root", owner: 0, groupName: "g", group: 5, keyMode: mode_t(mode))
      #expect(ownership.key.mode == mode_t(mode))
    }
  }

  @Test func onlyRootGivesFilesAway() throws {
    let ownership = try KeyOwnership(ownerName: "root", owner: 0, groupName: "vchkpw", group: 89)
    try ownership.checkPermitted(effectiveUser: 0, groups: [0])
    #expect(
      throws: KeyStoreError.notPermitted(owner: "root", group: "vchkpw")
    ) { try ownership.checkPermitted(effectiveUser: 1000, groups: [1000, 89]) }
    let mine = try KeyOwnership(ownerName: "me", owner: 1000, groupName: "staff", group: 50)
    try mine.checkPermitted(effectiveUser: 1000, groups: [1000, 50])
    #expect(throws: KeyStoreError.self) {
      try mine.checkPermitted(effectiveUser: 1000, groups: [1000])
    }
  }

  @Test func missingGroupNamesTheOption() {
    #expect(
      throws: KeyStoreError.unknownGroup("no-such-group-here")
    ) { try KeyOwnership.resolve(owner: nil, group: "no-such-group-here", keyMode: nil) }
    #expect(
      KeyStoreError.unknownGroup("vchkpw").description
        == "group vchkpw does not exist: install vpopmail (which creates it) or pass --group GROUP")
  }

  @Test func numericIDsNeedNoDatabase() throws {
    let ownership = try KeyOwnership.resolve(owner: "0", group: "4242", keyMode: nil)
    #expect(ownership.owner == 0 && ownership.group == 4242)
  }
}
