public import ToasterSupport

#if canImport(Glibc)
  public import Glibc
#endif

/// Who owns the key tree: root:vchkpw unless overridden.
///
/// Keys are always mode 0440, so the group (the one qmail-smtpd, and so qmail-dk, runs as) can read them; 0400 would
/// leave qmail-dk unable to sign.
public struct KeyOwnership: Equatable, Sendable {
  /// The owning user's name, for messages.
  public let ownerName: String
  /// The owning group's name, for messages.
  public let groupName: String
  /// The owning user.
  public let owner: uid_t
  /// The owning group.
  public let group: gid_t

  /// Creates an ownership from resolved ids.
  public init(ownerName: String, owner: uid_t, groupName: String, group: gid_t) {
    self.ownerName = ownerName
    self.groupName = groupName
    self.owner = owner
    self.group = group
  }

  /// The mode of private key files (`KeyLayout.keyMode`, 0440).
  public var keyMode: mode_t { KeyLayout.keyMode }

  /// Resolves `owner` and `group` (names or numbers; default root and vchkpw).
  ///
  /// - Throws: `KeyStoreError.unknownOwner`/`unknownGroup` naming the option to use.
  public static func resolve(owner: String?, group: String?) throws(KeyStoreError)
    -> KeyOwnership
  {
    let ownerName = owner ?? KeyLayout.defaultOwner
    let groupName = group ?? KeyLayout.defaultGroup
    guard let uid = AccountNames.userID(ownerName) else { throw .unknownOwner(ownerName) }
    guard let gid = AccountNames.groupID(groupName) else { throw .unknownGroup(groupName) }
    return KeyOwnership(ownerName: ownerName, owner: uid, groupName: groupName, group: gid)
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
