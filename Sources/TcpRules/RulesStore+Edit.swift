import CDB
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension RulesStore {
  /// Applies `change` to tcp.smtp under the lock, writes it back with a backup, and
  /// recompiles the cdb, all or nothing.
  ///
  /// The new cdb is compiled from the new bytes and synced under a temp name before either
  /// file is renamed; only then are tcp.smtp, the cdb and tcp.smtp.bak renamed in, and a cdb
  /// that cannot be renamed in puts the old tcp.smtp back. When the change leaves the bytes
  /// as they are, a missing or stale cdb is still recompiled (unless `recompile` is false).
  /// Nothing is written under `dryRun`; the outcome then carries the diff. With `variable`, the
  /// outcome carries what lint says about it on the selected rules.
  /// - Throws: what `change` throws, `TcpRulesError.syntax` when tcp.smtp does not parse,
  ///   `.cdbIsRulesFile`, `.editNotApplied` (saying what each file then holds),
  ///   `SymbolicLinkError`, `SystemError` or `CDBError`.
  @discardableResult
  public func edit(
    dryRun: Bool = false, recompile: Bool = true, checking variable: String? = nil,
    _ change: (inout RulesFile) throws -> EditSummary
  ) throws -> EditOutcome {
    let (directory, name) = try Self.openForWriting(rulesPath, root: root)
    try directory.refuseSymbolicLink(name + Self.backupSuffix)
    return try directory.withExclusiveLock {
      let old = try directory.readFile(name)
      var file = try RulesFile.parse(old, path: rulesPath)
      let summary = try change(&file)
      let new = file.render()
      let diff = UnifiedDiff(old: old, new: new, path: rulesPath)
      let selected = Set(summary.changedLines + summary.unchangedLines)
      let diagnostics = variable.map {
        RulesLinter.settingDiagnostics(new, path: rulesPath, name: $0, lines: selected)
      }
      let outcome = { (written: Bool, records: Int?, cdbWas: RulesReport.CDBState?) in
        EditOutcome(
          summary: summary, diff: diff, written: written, records: records, cdbWas: cdbWas,
          diagnostics: diagnostics ?? [])
      }
      if dryRun { return outcome(false, nil, nil) }
      let cdb = recompile ? try openCDB(rulesDirectory: directory, rulesName: name) : nil
      let compile = { (cdb: (Directory, String)) in
        try prepareCDB(in: cdb) { try RulesCompiler.compile(new, path: rulesPath, into: $0) }
      }
      guard new != old else {
        let state = cdbState(for: file)
        guard state != .current else { return outcome(false, nil, nil) }
        guard let cdb else { return outcome(false, nil, state) }
        let (pending, records) = try compile(cdb)
        do { try pending.commit() } catch let error as SystemError {
          throw CDBError.system(error)
        }
        return outcome(false, records, state)
      }
      let pendingCDB = try Self.nothingChanged { try cdb.map(compile) }
      let pendingRules = try Self.nothingChanged {
        try AtomicFile.prepare(named: name, in: directory) { fd, path in
          try FileDescriptorIO.writeAll(fd, new, path: path)
        }
      }
      let backup = try Self.nothingChanged { try StagedBackup(of: name, in: directory) }
      try Self.nothingChanged { try pendingRules.commit(syncingDirectory: false) }
      if let pendingCDB { try commit(pendingCDB.0, restoring: backup) }
      try backup.commit(
        newFiles: pendingCDB == nil ? "\(rulesPath) holds" : "\(rulesPath) and \(cdbPath) hold")
      try pendingCDB?.0.directory.sync()
      return outcome(true, pendingCDB?.1, nil)
    }
  }

  // Renames the new cdb in; when that fails, the old tcp.smtp (still linked as the staged
  // backup) is renamed back over the new one, so the edit did nothing.
  private func commit(_ cdb: PendingReplacement, restoring backup: StagedBackup) throws {
    do {
      try cdb.commit(syncingDirectory: false)
    } catch let error as SystemError {
      if backup.restore() {
        throw TcpRulesError.editNotApplied(
          error, state: "\(rulesPath) was put back as it was, so nothing changed")
      }
      backup.keep()
      throw TcpRulesError.editNotApplied(
        error,
        state: "\(rulesPath) holds the new rules but \(cdbPath) still holds the old ones "
          + "(compile it again); the previous \(rulesPath) is in \(backup.path)")
    }
  }

  // Failures before any rename leave every file as it was; the message says so.
  private static func nothingChanged<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SystemError {
      throw TcpRulesError.editNotApplied(error, state: "nothing changed")
    } catch CDBError.system(let error) {
      throw TcpRulesError.editNotApplied(error, state: "nothing changed")
    }
  }
}

/// The previous tcp.smtp, hard-linked under a temp name until the edit has succeeded, then
/// renamed to tcp.smtp.bak: a failed edit never replaces the backup, and the backup keeps
/// the old owner and mode and is never half-written.
private final class StagedBackup {
  let directory: Directory
  let name: String
  let temp: String
  private var settled = false

  /// Links `name` as the staged backup.
  init(of name: String, in directory: Directory) throws {
    self.directory = directory
    self.name = name
    // A fixed name is safe because the caller holds the directory lock; one left by a
    // killed run is simply replaced.
    temp = ".\(name)\(RulesStore.backupSuffix).tmp"
    unlinkat(directory.descriptor, temp, 0)
    guard linkat(directory.descriptor, name, directory.descriptor, temp, 0) == 0 else {
      throw SystemError.fromErrno(
        "back up \(directory.join(name)) to", path: directory.join(temp), access: .writing)
    }
  }

  deinit { if !settled { unlinkat(directory.descriptor, temp, 0) } }

  /// The staged backup's path, for messages.
  var path: String { directory.join(temp) }

  /// Renames the old file back into place; true when that worked.
  func restore() -> Bool {
    guard renameat(directory.descriptor, temp, directory.descriptor, name) == 0 else {
      return false
    }
    settled = true
    _ = try? directory.sync()
    return true
  }

  /// Leaves the staged backup on disk (the only copy of the old file left).
  func keep() { settled = true }

  /// Renames the staged backup to tcp.smtp.bak, once the new files are in place; `newFiles`
  /// names them (with the verb) for the message when that fails.
  func commit(newFiles: String) throws {
    let backup = name + RulesStore.backupSuffix
    guard renameat(directory.descriptor, temp, directory.descriptor, backup) == 0 else {
      let error = SystemError.fromErrno(
        "rename \(path) to", path: directory.join(backup), access: .writing)
      throw TcpRulesError.editNotApplied(
        error,
        state: "\(newFiles) the new rules, but \(directory.join(backup)) was not updated "
          + "and the previous version was not kept")
    }
    // rename does nothing when both names are already the same file (a backup taken by an
    // edit whose write then failed), which would leave the temp name behind.
    unlinkat(directory.descriptor, temp, 0)
    settled = true
    try directory.sync()
  }
}
