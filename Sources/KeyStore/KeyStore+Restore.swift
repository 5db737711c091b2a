import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// What `domain restore` brought back.
public struct RestoreKeyResult: Sendable {
  /// The backup restored.
  public let backup: RemovedKey
  /// Each file's backup path and the live path it is now at, key files last.
  public let moved: [(from: String, to: String)]
}

extension KeyStore {
  /// Brings a removed key (with its record files), or a removed domain's keys, back from
  /// `.removed` into the live tree.
  ///
  /// Each file is given the ownership's owner and mode while still inside the owner-only
  /// `.removed`, then hard-linked into place (which fails rather than replace a file) and
  /// unlinked from `.removed`: it appears whole, byte for byte, never readable wider.
  /// - Throws: `KeyStoreError.noBackup` when nothing matches, `ambiguousBackup` listing the
  ///   choices when several do, `keyExists` when a live file is in the way (then nothing is
  ///   changed), or a system error.
  public func restore(
    domain: DomainName, selector: SelectorName?, from stamp: String?, ownership: KeyOwnership
  ) throws(KeyStoreError) -> RestoreKeyResult {
    try ownership.checkPermitted()
    return try Self.mapping {
      let root = try openRoot(create: false)
      guard try root.status(of: KeyLayout.backupDirectory) != nil else {
        throw KeyStoreError.noBackup(
          path: root.join(KeyLayout.backupDirectory), domain: domain.text, available: [])
      }
      let backup = try openBackupDirectory(in: root)
      let chosen = try choose(domain, selector: selector, stamp: stamp, in: backup)
      let files = try restorableFiles(chosen, selector: selector, in: backup)
      let directory = try openDomain(domain.text, in: root, create: ownership.directory)
      return try directory.withExclusiveLock {
        for file in files where try directory.status(of: file.name) != nil {
          throw KeyStoreError.keyExists(path: directory.join(file.name))
        }
        var moved: [(from: String, to: String)] = []
        for file in files {
          let permissions = file.isKey ? ownership.key : ownership.record
          try Self.bringBack(file, from: backup, to: directory, permissions: permissions)
          moved.append((file.source.join(file.entry), directory.join(file.name)))
        }
        if chosen.selector == nil { unlinkat(backup.descriptor, chosen.entry, AT_REMOVEDIR) }
        try directory.sync()
        try backup.sync()
        return RestoreKeyResult(backup: chosen, moved: moved)
      }
    }
  }

  private func choose(
    _ domain: DomainName, selector: SelectorName?, stamp: String?, in backup: Directory
  ) throws -> RemovedKey {
    let entries = try backup.entryNames().compactMap { name -> (String, Bool)? in
      guard let info = try backup.status(of: name) else { return nil }
      return (name, info.st_mode & S_IFMT == S_IFDIR)
    }
    var candidates = RemovedKey.find(domain: domain.text, in: entries)
    if let selector {
      candidates = try candidates.filter { candidate in
        guard let own = candidate.selector else {
          return try backup.subdirectory(candidate.entry).status(of: selector.text) != nil
        }
        return own == selector.text
      }
    }
    if let stamp { candidates = candidates.filter { $0.stamp == stamp } }
    guard let first = candidates.first else {
      throw KeyStoreError.noBackup(
        path: backup.join(domain.text + ".*"), domain: domain.text,
        available: RemovedKey.find(domain: domain.text, in: entries).map(\.description))
    }
    if candidates.count > 1 {
      throw KeyStoreError.ambiguousBackup(
        domain: domain.text, choices: candidates.map(\.description))
    }
    return first
  }

  /// A file to bring back: where it is in `.removed`, the name it returns to, and whether it
  /// is a key (else a record file).
  private struct RestorableFile {
    let source: Directory
    let entry: String
    let name: String
    let isKey: Bool
  }

  private func restorableFiles(_ chosen: RemovedKey, selector: SelectorName?, in backup: Directory)
    throws -> [RestorableFile]
  {
    guard chosen.selector == nil else {
      let records = chosen.records.map {
        RestorableFile(source: backup, entry: $0.entry, name: $0.name, isKey: false)
      }
      let name = chosen.selector ?? ""
      return records + [
        RestorableFile(source: backup, entry: chosen.entry, name: name, isKey: true)
      ]
    }
    let source = try backup.subdirectory(chosen.entry)
    var files: [RestorableFile] = []
    for name in try source.entryNames() where !name.hasPrefix(".") {
      guard let info = try source.status(of: name), info.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      let isRecord = name.hasSuffix(KeyLayout.recordSuffix)
      if let selector {
        let wanted =
          [selector.text, KeyLayout.recordFileName(selector)]
          + [KeyLayout.legacyRecordFileName(selector)].compactMap { $0 }
        guard wanted.contains(name) else { continue }
      }
      files.append(RestorableFile(source: source, entry: name, name: name, isKey: !isRecord))
    }
    return files.filter { !$0.isKey } + files.filter(\.isKey)
  }

  private static func bringBack(
    _ file: RestorableFile, from backup: Directory, to directory: Directory,
    permissions: FilePermissions
  ) throws {
    let sourcePath = file.source.join(file.entry)
    let fd = retryingOnInterrupt {
      openat(file.source.descriptor, file.entry, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: sourcePath, access: .reading) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw SystemError.fromErrno("stat", path: sourcePath, access: .reading)
    }
    try expect(info, S_IFREG, path: sourcePath, what: "regular file")
    try PermissionChanger.apply(permissions, to: fd, path: sourcePath)
    guard linkat(file.source.descriptor, file.entry, directory.descriptor, file.name, 0) == 0
    else {
      if errno == EEXIST { throw KeyStoreError.keyExists(path: directory.join(file.name)) }
      throw SystemError.fromErrno(
        "link \(sourcePath) to", path: directory.join(file.name), access: .writing)
    }
    guard unlinkat(file.source.descriptor, file.entry, 0) == 0 else {
      throw SystemError.fromErrno("remove", path: sourcePath, access: .writing)
    }
    try file.source.sync()
  }
}
