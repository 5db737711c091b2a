import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Opens (creating, 0700) the backup directory `.removed` inside the key directory.
  func openBackupDirectory(in root: Directory) throws -> Directory {
    if let info = try root.status(of: KeyLayout.backupDirectory) {
      try Self.expect(info, S_IFDIR, path: root.join(KeyLayout.backupDirectory), what: "directory")
    }
    let backup = try root.subdirectory(KeyLayout.backupDirectory, create: KeyLayout.backupMode)
    let mode = FilePermissions(mode: KeyLayout.backupMode)
    try PermissionChanger.apply(mode, to: backup.descriptor, path: backup.path)
    return backup
  }

  /// Moves (`rename`) or copies by hard link (`link`) `name` from `directory` into the
  /// backup directory as `base`, adding `.1`, `.2`… if that name is taken.
  ///
  /// - Returns: the backup's path.
  func preserve(
    _ name: String, in directory: Directory, as base: String, backup: Directory, move: Bool
  ) throws -> String {
    for attempt in 0..<100 {
      let target = attempt == 0 ? base : "\(base).\(attempt)"
      if try backup.status(of: target) != nil { continue }
      let status =
        move
        ? renameat(directory.descriptor, name, backup.descriptor, target)
        : linkat(directory.descriptor, name, backup.descriptor, target, 0)
      if status == 0 { return backup.join(target) }
      if errno == EEXIST { continue }
      throw SystemError.fromErrno(
        move ? "move \(directory.join(name)) to" : "link", path: backup.join(target),
        access: .writing)
    }
    throw SystemError(
      operation: "find a free backup name for", path: backup.join(base), code: EEXIST,
      access: .writing)
  }
}
