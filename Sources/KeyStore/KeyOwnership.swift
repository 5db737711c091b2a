public import ToasterSupport

#if canImport(Glibc)
  public import Glibc
#endif

/// Who owns the key tree and with which modes: root:vchkpw unless overridden.
public struct KeyOwnership: Equatable, Sendable {
  /// The owning user's name, for messages.
  public let ownerName: String
  /// The owning group's name, for messages.
  public let groupName: String
  /// The owning user.
  public let owner: uid_t
  /// The owning group.
  public let group: gid_t
  /// The mode of private key files.
  public let keyMode: mode_t

  /// Creates an ownership from resolved ids.
  ///
  /// - Throws: `KeyStoreError.unsafeMode` when `keyMode` grants anything to others,
  ///   write or execute, or is not readable by the owner.
  public init(
    ownerName: String, owner: uid_t, groupName: String, group: gid_t,
    keyMode: mode_t = KeyLayout.keyMode
  ) throws(KeyStoreError) {
    guard keyMode & ~0o440 == 0, keyMode & 0o400 != 0 else {
      throw .unsafeMode(
        "unsafe key mode \(FilePermissions(mode: keyMode).octalMode): a private key may be"
          + " readable by its owner and group only; use --mode 0440 or 0400")
    }
    self.ownerName = ownerName
    self.groupName = groupName
    self.owner = owner
    self.group = group
    self.keyMode = keyMode
  }

  /// Resolves `owner` and `group` (names or numbers; default root and vchkpw).
  ///
  /// - Throws: `KeyStoreError.unknownOwner`/`unknownGroup` naming the option to use, or
  ///   `unsafeMode`.
  public static func resolve(owner: String?, group: String?, keyMode: mode_t?)
    throws(KeyStoreError) -> KeyOwnership
  {
    let ownerName = owner ?? KeyLayout.defaultOwner
    let groupName = group ?? KeyLayout.defaultGroup
    guard let uid = AccountNames.userID(ownerName) else { throw .unknownOwner(ownerName) }
    guard let gid = AccountNames.groupID(groupName) else { throw .unknownGroup(groupName) }
    return try KeyOwnership(
      ownerName: ownerName, owner: uid, groupName: groupName, group: gid,
      keyMode: keyMode ?? KeyLayout.keyMode)
  }

  /// Checks, before anything is written, that this process may give files to this owner.
  ///
  /// Root may; anyone else only to themselves and one of their own groups.
  /// - Throws: `KeyStoreError.notPermitted`.
  public func checkPermitted(
    effectiveUser: uid_t = geteuid(), groups: [gid_t] = AccountNames.currentGroups()
  ) throws(KeyStoreError) {
    if effectiveUser == 0 { return }
    if owner == effectiveUser, groups.contains(group) { return }
    throw .notPermitted(owner: ownerName, group: groupName)
  }

  /// The permissions of a key file.
  public var key: FilePermissions { FilePermissions(mode: keyMode, owner: owner, group: group) }
  /// The permissions of a domain directory.
  public var directory: FilePermissions {
    FilePermissions(mode: KeyLayout.directoryMode, owner: owner, group: group)
  }
  /// The permissions of a record file.
  public var record: FilePermissions {
    FilePermissions(mode: KeyLayout.recordMode, owner: owner, group: group)
  }
  /// The permissions of the backup directory and of what it holds.
  public var backup: FilePermissions {
    FilePermissions(mode: KeyLayout.backupMode, owner: owner, group: group)
  }
}
