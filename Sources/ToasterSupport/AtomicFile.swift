#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces files all at once: readers see the old or the new file, never a mix.
///
/// The steps are djb's (write a temp file in the same directory, `fsync`, `rename`) plus an
/// exclusive create, permissions set before the rename, a directory `fsync`, and removal of
/// the temp file on any failure.
public enum AtomicFile {
  /// The mode of a new file when the caller gives none and no file exists yet.
  public static let defaultMode: mode_t = 0o644

  /// Replaces `name` in `directory` with `bytes`, unless it already holds exactly them.
  ///
  /// `permissions` are the final mode and owner; nil keeps the existing file's (or uses
  /// 0644 for a new file).
  /// - Returns: false when the file already held these bytes and permissions.
  /// - Throws: `SystemError`; the old file is then untouched and no temp file is left.
  @discardableResult
  public static func write(
    _ bytes: [UInt8], named name: String, in directory: Directory,
    permissions: FilePermissions? = nil
  ) throws -> Bool {
    if let existing = try directory.status(of: name), (existing.st_mode & S_IFMT) == S_IFREG {
      let wanted = permissions ?? FilePermissions(of: existing)
      if wanted.isSatisfied(by: existing), (try? directory.readFile(name)) == bytes { return false }
    }
    try replace(named: name, in: directory, permissions: permissions) { fd, path in
      try FileDescriptorIO.writeAll(fd, bytes, path: path)
    }
    return true
  }

  /// Replaces `name` in `directory` with what `writeContents` writes to a fresh temp file.
  ///
  /// `writeContents` gets the temp file's descriptor (at offset 0, empty, seekable) and the
  /// path to name in messages (the file being replaced); it must not close the descriptor.
  /// - Throws: `SystemError` or what `writeContents` throws; the old file is then untouched.
  public static func replace(
    named name: String, in directory: Directory, permissions: FilePermissions? = nil,
    writeContents: (Int32, String) throws -> Void
  ) throws {
    try prepare(named: name, in: directory, permissions: permissions, writeContents: writeContents)
      .commit()
  }

  /// Writes and syncs the replacement of `name` under a temp name, without renaming it yet.
  ///
  /// Used when several files must change together: prepare them all, then commit. A
  /// replacement that is never committed is removed.
  /// - Throws: `SystemError` or what `writeContents` throws; no temp file is then left.
  public static func prepare(
    named name: String, in directory: Directory, permissions: FilePermissions? = nil,
    writeContents: (Int32, String) throws -> Void
  ) throws -> PendingReplacement {
    let existing = try directory.status(of: name)
    let final =
      permissions ?? existing.map(FilePermissions.init(of:))
      ?? FilePermissions(mode: defaultMode)
    removeAbandonedTemps(for: name, in: directory)
    let (fd, tempName) = try createTemp(for: name, in: directory)
    let pending = PendingReplacement(directory: directory, name: name, tempName: tempName)
    // Messages name the file being replaced: the temp file's random name means nothing to
    // the reader, and it is removed on failure anyway.
    defer { close(fd) }
    try writeContents(fd, pending.path)
    try apply(final, to: fd, path: pending.path)
    guard retryingOnInterrupt({ fsync(fd) }) == 0 else {
      throw SystemError.fromErrno("fsync", path: pending.path, access: .writing)
    }
    return pending
  }

  // A writer killed by SIGKILL (or a crash) cannot remove its temp file; the next writer
  // removes temp files whose process no longer exists. A live writer's file is left alone.
  private static func removeAbandonedTemps(for name: String, in directory: Directory) {
    let prefix = ".\(name).tmp."
    guard let names = try? directory.entryNames() else { return }
    for entry in names where entry.hasPrefix(prefix) {
      let pidText = entry.dropFirst(prefix.count).prefix { $0 != "." }
      guard let pid = pid_t(pidText), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlinkat(directory.descriptor, entry, 0) }
    }
  }

  // Created owner-only (0600 before umask), so nothing is readable by anyone else until
  // the final ownership and mode are applied with fchown/fchmod.
  private static func createTemp(for name: String, in directory: Directory) throws -> (
    Int32, String
  ) {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW
    for _ in 0..<100 {
      let tempName = ".\(name).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
      let fd = retryingOnInterrupt { openat(directory.descriptor, tempName, flags, 0o600) }
      if fd >= 0 { return (fd, tempName) }
      if errno != EEXIST {
        // Named after the file being replaced: the random temp name means nothing.
        throw SystemError.fromErrno(
          "create a temp file for", path: directory.join(name), access: .writing)
      }
    }
    throw SystemError(
      operation: "create temp file for", path: directory.join(name), code: EEXIST, access: .writing)
  }

  // Ownership first, then mode: fchown clears set-id bits, and the mode must never be
  // wider than the final one while the owner is still the creator.
  private static func apply(_ permissions: FilePermissions, to fd: Int32, path: String) throws {
    if permissions.owner != nil || permissions.group != nil {
      let owner = permissions.owner ?? uid_t.max
      let group = permissions.group ?? gid_t.max
      guard fchown(fd, owner, group) == 0 else {
        throw SystemError.fromErrno("change owner of", path: path, access: .writing)
      }
    }
    guard fchmod(fd, permissions.mode) == 0 else {
      throw SystemError.fromErrno("change mode of", path: path, access: .writing)
    }
  }
}
