import CDB
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The tcp.smtp file and its compiled cdb on disk: the only part of TcpRules that does I/O.
///
/// Every read-modify-write holds an exclusive lock on the rules file's directory, so two
/// toaster-dk processes never lose each other's edits; every write is atomic (temp file,
/// `fsync`, rename, directory `fsync`), so tcpserver sees the old or the new cdb, never a
/// partial one.
public struct RulesStore: Sendable {
  /// The name of the backup of the previous tcp.smtp, kept beside it on every edit.
  public static let backupSuffix = ".bak"
  /// The mode of the compiled cdb, as `qmailctl cdb` leaves it.
  public static let cdbMode: mode_t = 0o644

  /// The rules file (`/etc/tcprules.d/tcp.smtp`).
  public let rulesPath: String
  /// The compiled rules (`/etc/tcprules.d/tcp.smtp.cdb`).
  public let cdbPath: String

  /// Creates a store for the given rules file and cdb.
  public init(rulesPath: String, cdbPath: String) {
    self.rulesPath = rulesPath
    self.cdbPath = cdbPath
  }

  /// Reads tcp.smtp as bytes.
  ///
  /// - Throws: `SystemError` when it cannot be read.
  public func readRules() throws -> [UInt8] {
    try FileDescriptorIO.readFile(atPath: rulesPath)
  }

  /// Compiles tcp.smtp into the cdb, exactly as `tcprules CDB TMP < tcp.smtp` would.
  ///
  /// - Returns: the number of records written.
  /// - Throws: `TcpRulesError.syntax` listing every bad line (the cdb is then untouched),
  ///   `SystemError` or `CDBError` for I/O failures.
  @discardableResult
  public func compile() throws -> Int {
    let (directory, name) = try Self.open(rulesPath)
    return try directory.withExclusiveLock {
      // Streamed in chunks, as tcprules reads stdin: memory stays flat for huge files.
      let fd = retryingOnInterrupt { openat(directory.descriptor, name, O_RDONLY | O_CLOEXEC) }
      guard fd >= 0 else { throw SystemError.fromErrno("open", path: rulesPath, access: .reading) }
      defer { close(fd) }
      return try writeCDB { writer in
        try RulesCompiler.compile(
          path: rulesPath,
          read: { buffer in
            let count = retryingOnInterrupt { read(fd, buffer.baseAddress, buffer.count) }
            guard count >= 0 else {
              throw SystemError.fromErrno("read", path: rulesPath, access: .reading)
            }
            return count
          }, into: writer)
      }
    }
  }

  /// Compiles `bytes` (the tcp.smtp just written) into the cdb.
  func compile(_ bytes: [UInt8]) throws -> Int {
    try writeCDB { try RulesCompiler.compile(bytes, path: rulesPath, into: $0) }
  }

  private func writeCDB(_ addRecords: (CDBWriter) throws -> Int) throws -> Int {
    let (directory, name) = try Self.open(cdbPath)
    var count = 0
    try CDBFile.write(
      named: name, in: directory, permissions: FilePermissions(mode: Self.cdbMode)
    ) { writer in
      count = try addRecords(writer)
    }
    return count
  }

  /// Applies `change` to tcp.smtp under the lock, writes it back with a backup, and
  /// recompiles the cdb.
  ///
  /// Nothing is written when the change leaves the bytes as they are, or when `dryRun` is
  /// set; the outcome then carries the diff that would have been applied.
  /// - Throws: what `change` throws, `TcpRulesError.syntax` when tcp.smtp does not parse,
  ///   `SystemError`/`CDBError` for I/O failures (tcp.smtp and the cdb are then untouched).
  public func edit(
    dryRun: Bool = false, recompile: Bool = true,
    _ change: (inout RulesFile) throws -> EditSummary
  ) throws -> EditOutcome {
    let (directory, name) = try Self.open(rulesPath)
    return try directory.withExclusiveLock {
      let old = try directory.readFile(name)
      var file = try RulesFile.parse(old, path: rulesPath)
      let summary = try change(&file)
      let new = file.render()
      let diff = UnifiedDiff(old: old, new: new, path: rulesPath)
      guard !dryRun, new != old else {
        return EditOutcome(summary: summary, diff: diff, written: false, records: nil)
      }
      try keepBackup(of: name, in: directory)
      try AtomicFile.write(new, named: name, in: directory)
      let records = recompile ? try compile(new) : nil
      return EditOutcome(summary: summary, diff: diff, written: true, records: records)
    }
  }

  // The previous version becomes tcp.smtp.bak through a hard link swapped in by rename, so
  // the backup keeps the old owner and mode and is never half-written.
  private func keepBackup(of name: String, in directory: Directory) throws {
    let backup = name + Self.backupSuffix
    // A fixed name is safe because the caller holds the directory lock; one left by a
    // killed run is simply replaced.
    let temp = ".\(backup).tmp"
    unlinkat(directory.descriptor, temp, 0)
    let operation = "back up \(directory.join(name)) to"
    guard linkat(directory.descriptor, name, directory.descriptor, temp, 0) == 0 else {
      throw SystemError.fromErrno(operation, path: directory.join(backup), access: .writing)
    }
    guard renameat(directory.descriptor, temp, directory.descriptor, backup) == 0 else {
      let error = SystemError.fromErrno(operation, path: directory.join(backup), access: .writing)
      unlinkat(directory.descriptor, temp, 0)
      throw error
    }
    // rename does nothing when both names are already the same file (a backup taken by an
    // edit whose write then failed), which would leave the temp name behind.
    unlinkat(directory.descriptor, temp, 0)
  }

  /// Opens the directory holding `path` (after resolving symbolic links, so editing a
  /// linked tcp.smtp rewrites the real file instead of replacing the link).
  static func open(_ path: String) throws -> (Directory, String) {
    var resolved = path
    if let real = realpath(path, nil) {
      resolved = String(cString: real)
      free(real)
    }
    let slash = resolved.lastIndex(of: "/")
    let parent = slash.map { $0 == resolved.startIndex ? "/" : String(resolved[..<$0]) } ?? "."
    let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
    return (try Directory(path: parent), name)
  }
}

extension RulesStore {
  /// Reads tcp.smtp and its cdb and summarises both for `rules show`.
  ///
  /// - Throws: `TcpRulesError.syntax` when tcp.smtp does not parse, `SystemError` when it
  ///   cannot be read, `CDBError` when the cdb exists but cannot be read.
  public func report() throws -> RulesReport {
    let file = try RulesFile.parse(readRules(), path: rulesPath)
    return RulesReport(file: file, cdbRecords: try cdbRecords())
  }

  /// The records of the cdb in file order, or nil when there is no cdb.
  func cdbRecords() throws -> [(key: [UInt8], data: [UInt8])]? {
    do {
      return try CDBReader(path: cdbPath).allRecords().map { ($0.key, $0.data) }
    } catch CDBError.system(let error) where error.isNotFound {
      return nil
    }
  }
}

extension RulesStore {
  /// Lints tcp.smtp: the lines tcprules rejects, and the ones it accepts that do not do
  /// what they seem to.
  ///
  /// - Throws: `SystemError` when tcp.smtp cannot be read.
  public func lint(options: LintOptions) throws -> [Diagnostic] {
    RulesLinter.lint(try readRules(), path: rulesPath, options: options)
  }
}
