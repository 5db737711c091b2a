import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Applies permissions through an open descriptor, never loosening them on the way.
enum PermissionChanger {
  /// Brings the file behind `fd` to `wanted`.
  ///
  /// The mode goes first, narrowed to what both the old and the new mode allow, so a file
  /// handed to a new group is never readable by the old group's wider mode and the new
  /// group at once; then the owner; then the final mode.
  static func apply(_ wanted: FilePermissions, to fd: Int32, path: String) throws {
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw SystemError.fromErrno("stat", path: path, access: .reading)
    }
    let current = info.st_mode & 0o7777
    if current & ~wanted.mode != 0 {
      guard fchmod(fd, current & wanted.mode) == 0 else {
        throw SystemError.fromErrno("change mode of", path: path, access: .writing)
      }
    }
    if !wanted.isSatisfied(by: info) || current != wanted.mode {
      let owner = wanted.owner ?? uid_t.max
      let group = wanted.group ?? gid_t.max
      if (wanted.owner.map { $0 != info.st_uid } ?? false)
        || (wanted.group.map { $0 != info.st_gid } ?? false)
      {
        guard fchown(fd, owner, group) == 0 else {
          throw SystemError.fromErrno("change owner of", path: path, access: .writing)
        }
      }
      guard fchmod(fd, wanted.mode) == 0 else {
        throw SystemError.fromErrno("change mode of", path: path, access: .writing)
      }
    }
  }
}
