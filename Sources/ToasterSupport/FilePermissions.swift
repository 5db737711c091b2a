#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The mode and ownership a file should end up with.
public struct FilePermissions: Equatable, Sendable, CustomStringConvertible {
  /// The permission bits, such as `0o440`.
  public var mode: mode_t
  /// The owning user, or nil to leave it as the creating process makes it.
  public var owner: uid_t?
  /// The owning group, or nil to leave it as the creating process makes it.
  public var group: gid_t?

  /// Creates a set of permissions.
  public init(mode: mode_t, owner: uid_t? = nil, group: gid_t? = nil) {
    self.mode = mode
    self.owner = owner
    self.group = group
  }

  /// The permissions of an existing file, as found by `stat`.
  public init(of info: stat) {
    self.init(mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid)
  }

  /// True when `info` already has these permissions.
  public func isSatisfied(by info: stat) -> Bool {
    (info.st_mode & 0o7777) == mode && (owner.map { $0 == info.st_uid } ?? true)
      && (group.map { $0 == info.st_gid } ?? true)
  }

  /// The mode as four octal digits, as `ls` and `chmod` users write it.
  public var octalMode: String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  public var description: String {
    var text = octalMode
    if let owner { text += " uid \(owner)" }
    if let group { text += " gid \(group)" }
    return text
  }
}
