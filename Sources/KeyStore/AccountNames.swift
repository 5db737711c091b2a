#if canImport(Glibc)
  public import Glibc
#endif

/// User and group names from the system databases (`getpwnam_r`, `getgrnam_r`).
public enum AccountNames {
  /// The id of user `name`, or of the number `name` spells.
  public static func userID(_ name: String) -> uid_t? {
    if let number = uid_t(name) { return number }
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 16384)
    guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
      return nil
    }
    return entry.pw_uid
  }

  /// The id of group `name`, or of the number `name` spells.
  public static func groupID(_ name: String) -> gid_t? {
    if let number = gid_t(name) { return number }
    var entry = group()
    var result: UnsafeMutablePointer<group>?
    var buffer = [CChar](repeating: 0, count: 65536)
    guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
      return nil
    }
    return entry.gr_gid
  }

  /// The name of user `id`, or the number as text.
  public static func userName(_ id: uid_t) -> String {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 16384)
    guard getpwuid_r(id, &entry, &buffer, buffer.count, &result) == 0, result != nil,
      let name = entry.pw_name
    else { return String(id) }
    return String(cString: name)
  }

  /// The name of group `id`, or the number as text.
  public static func groupName(_ id: gid_t) -> String {
    var entry = group()
    var result: UnsafeMutablePointer<group>?
    var buffer = [CChar](repeating: 0, count: 65536)
    guard getgrgid_r(id, &entry, &buffer, buffer.count, &result) == 0, result != nil,
      let name = entry.gr_name
    else { return String(id) }
    return String(cString: name)
  }

  /// The effective group and the supplementary groups of this process.
  public static func currentGroups() -> [gid_t] {
    let count = getgroups(0, nil)
    var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
    let filled = groups.isEmpty ? 0 : getgroups(count, &groups)
    return [getegid()] + groups.prefix(Int(max(filled, 0)))
  }
}
