public import ToasterSupport

#if canImport(Glibc)
  public import Glibc
#endif

/// The mode and ownership a file has now, with the names for display.
public struct ObservedPermissions: Equatable, Sendable, CustomStringConvertible {
  /// The permission bits.
  public let mode: mode_t
  /// The owning user.
  public let owner: uid_t
  /// The owning group.
  public let group: gid_t
  /// The access ACL beyond the mode (named users), when the file has one.
  public let acl: AccessControlList?

  /// The permissions found by `stat`.
  public init(_ info: stat) {
    self.init(mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid)
  }

  /// Creates observed permissions from their parts.
  public init(mode: mode_t, owner: uid_t, group: gid_t, acl: AccessControlList? = nil) {
    self.mode = mode
    self.owner = owner
    self.group = group
    self.acl = acl.flatMap { $0.users.isEmpty && $0.groups.isEmpty ? nil : $0 }
  }

  /// The same permissions with `acl`.
  public func with(acl: AccessControlList?) -> ObservedPermissions {
    ObservedPermissions(mode: mode, owner: owner, group: group, acl: acl)
  }

  /// The owner's name, or the number.
  public var ownerName: String { AccountNames.userName(owner) }
  /// The group's name, or the number.
  public var groupName: String { AccountNames.groupName(group) }
  /// The mode as four octal digits.
  public var octalMode: String { FilePermissions(mode: mode).octalMode }

  /// True when these are exactly `wanted` (owner and group only checked when given).
  public func matches(_ wanted: FilePermissions) -> Bool {
    mode == wanted.mode && (wanted.owner.map { $0 == owner } ?? true)
      && (wanted.group.map { $0 == group } ?? true)
  }

  /// `0440 root:vchkpw`, and `+user:qmailr:r--` with an ACL.
  public var description: String {
    "\(octalMode) \(ownerName):\(groupName)" + (acl.map { " +\($0)" } ?? "")
  }
}
