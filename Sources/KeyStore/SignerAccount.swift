#if canImport(Glibc)
  public import Glibc
#endif

/// A user qmail-dk reads keys as (the SMTP daemon's user, vpopmail on a toaster), with
/// every group it has, to judge permissions as the kernel will for it.
public struct SignerAccount: Equatable, Sendable, CustomStringConvertible {
  /// The signer QmailToaster's qmail-smtpd runs as.
  public static let defaultName = "vpopmail"

  /// What the signer needs of a path.
  public enum Access: String, Sendable {
    /// Search (`x`) a directory on the way to the key.
    case search
    /// Read (`r`) the key file.
    case read
  }

  /// The user's name as given.
  public let name: String
  /// The user id.
  public let user: uid_t
  /// The primary group first, then the supplementary groups.
  public let groups: [gid_t]

  /// Creates an account from its ids.
  public init(name: String, user: uid_t, groups: [gid_t]) {
    self.name = name
    self.user = user
    self.groups = groups
  }

  /// Looks `name` (or a number) up in the account database, with its groups (`getgrouplist`).
  ///
  /// - Throws: `KeyStoreError.unknownSigner` when there is no such user.
  public static func lookup(_ name: String) throws(KeyStoreError) -> SignerAccount {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 16384)
    let found =
      uid_t(name).map { getpwuid_r($0, &entry, &buffer, buffer.count, &result) }
      ?? getpwnam_r(name, &entry, &buffer, buffer.count, &result)
    guard found == 0, result != nil, let login = entry.pw_name else {
      throw .unknownSigner(name)
    }
    let primary = entry.pw_gid
    var count: Int32 = 64
    var groups = [gid_t](repeating: 0, count: Int(count))
    while getgrouplist(login, primary, &groups, &count) < 0 {
      groups = [gid_t](repeating: 0, count: Int(count) + 64)
      count = Int32(groups.count)
    }
    let all = [primary] + groups.prefix(Int(count)).filter { $0 != primary }
    return SignerAccount(name: name, user: entry.pw_uid, groups: all)
  }

  /// True when the kernel grants this user `access` to a file with `permissions`.
  ///
  /// The owner's bits apply if it owns the file, else a named ACL entry's, else the
  /// group's if it is in the group, else the others'. Root may always read and search.
  public func may(_ access: Access, _ permissions: ObservedPermissions) -> Bool {
    if user == 0 { return true }
    let bit: mode_t = access == .read ? 0o4 : 0o1
    if let acl = permissions.acl {
      let bits = acl.bits(
        user: user, memberOf: groups, fileOwner: permissions.owner, fileGroup: permissions.group)
      return mode_t(bits) & bit != 0
    }
    if permissions.owner == user { return permissions.mode & (bit << 6) != 0 }
    if groups.contains(permissions.group) { return permissions.mode & (bit << 3) != 0 }
    return permissions.mode & bit != 0
  }

  /// The bit `chmod` would add so this user gets `access` (`o+x`, `g+r`, …).
  public func missingBit(_ access: Access, _ permissions: ObservedPermissions) -> (
    mode: mode_t, chmod: String
  ) {
    let (bit, letter): (mode_t, String) = access == .read ? (0o4, "r") : (0o1, "x")
    if permissions.owner == user { return (bit << 6, "u+" + letter) }
    if groups.contains(permissions.group) { return (bit << 3, "g+" + letter) }
    return (bit, "o+" + letter)
  }

  /// `vpopmail (groups vchkpw)`.
  public var description: String {
    "\(name) (group\(groups.count == 1 ? "" : "s") "
      + groups.map(AccountNames.groupName).joined(separator: ",") + ")"
  }
}
