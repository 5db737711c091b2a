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

  /// A backup name free for a key and its companions: `base` (then `base.1`, `base.2`…)
  /// such that neither it nor `<it>.<companion>` exists, so a key and its record files keep
  /// matching names even when two removals share a time stamp.
  func freeBackupName(_ base: String, companions: [String] = [], in backup: Directory) throws
    -> String
  {
    for attempt in 0..<100 {
      let candidate = attempt == 0 ? base : "\(base).\(attempt)"
      let names = [candidate] + companions.map { "\(candidate).\($0)" }
      if try names.allSatisfy({ try backup.status(of: $0) == nil }) { return candidate }
    }
    throw SystemError(
      operation: "find a free backup name for", path: backup.join(base), code: EEXIST,
      access: .writing)
  }

  /// Moves (`rename`) or copies by hard link (`link`) `name` from `directory` into the
  /// backup directory as exactly `target`.
  ///
  /// - Returns: the backup's path.
  func preserve(
    _ name: String, in directory: Directory, as target: String, backup: Directory, move: Bool
  ) throws -> String {
    let status =
      move
      ? renameat(directory.descriptor, name, backup.descriptor, target)
      : linkat(directory.descriptor, name, backup.descriptor, target, 0)
    guard status == 0 else {
      throw SystemError.fromErrno(
        move ? "move \(directory.join(name)) to" : "link", path: backup.join(target),
        access: .writing)
    }
    return backup.join(target)
  }
}
