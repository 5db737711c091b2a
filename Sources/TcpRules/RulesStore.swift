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
  /// The `--root` both lie under: no write follows a symbolic link below it.
  public let root: String

  /// Creates a store for the given rules file and cdb; writes never go through a symbolic
  /// link below `root` (see `Directory.openForWriting`), nor through a linked file.
  public init(rulesPath: String, cdbPath: String, root: String = "/") {
    self.rulesPath = rulesPath
    self.cdbPath = cdbPath
    self.root = root
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
  ///   `.cdbIsRulesFile`, `SymbolicLinkError`, `SystemError` or `CDBError` for I/O failures.
  @discardableResult
  public func compile() throws -> Int {
    let (parent, name) = Self.split(rulesPath)
    let directory = try Directory(path: parent)
    return try directory.withExclusiveLock {
      let cdb = try openCDB(rulesDirectory: directory, rulesName: name)
      // Streamed in chunks, as tcprules reads stdin: memory stays flat for huge files.
      let fd = retryingOnInterrupt { openat(directory.descriptor, name, O_RDONLY | O_CLOEXEC) }
      guard fd >= 0 else { throw SystemError.fromErrno("open", path: rulesPath, access: .reading) }
      defer { close(fd) }
      let (pending, count) = try prepareCDB(in: cdb) { writer in
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
      do { try pending.commit() } catch let error as SystemError { throw CDBError.system(error) }
      return count
    }
  }

  /// Writes the complete new cdb under a temp name in its directory, not yet renamed in.
  func prepareCDB(in cdb: (Directory, String), _ addRecords: (CDBWriter) throws -> Int) throws
    -> (PendingReplacement, Int)
  {
    var count = 0
    let pending = try CDBFile.prepare(
      named: cdb.1, in: cdb.0, permissions: FilePermissions(mode: Self.cdbMode)
    ) { writer in
      count = try addRecords(writer)
    }
    return (pending, count)
  }

  /// Opens the cdb's directory for writing and checks the cdb is neither a link nor the
  /// rules file or its backup.
  func openCDB(rulesDirectory: Directory, rulesName: String) throws -> (Directory, String) {
    let cdb = try Self.openForWriting(cdbPath, root: root)
    try checkSeparate(cdb: cdb, rules: (rulesDirectory, rulesName))
    return cdb
  }

  // The cdb must never replace tcp.smtp or tcp.smtp.bak, whether named the same, reached
  // through another name of the same directory, or a hard link to the same inode.
  private func checkSeparate(cdb: (Directory, String), rules: (Directory, String)) throws {
    var cdbDirectory = stat()
    var rulesDirectory = stat()
    fstat(cdb.0.descriptor, &cdbDirectory)
    fstat(rules.0.descriptor, &rulesDirectory)
    let sameDirectory =
      cdbDirectory.st_dev == rulesDirectory.st_dev && cdbDirectory.st_ino == rulesDirectory.st_ino
    var cdbFile = stat()
    let cdbExists = fstatat(cdb.0.descriptor, cdb.1, &cdbFile, 0) == 0
    for (name, path) in [
      (rules.1, rulesPath), (rules.1 + Self.backupSuffix, rulesPath + Self.backupSuffix),
    ] {
      var info = stat()
      let sameInode =
        cdbExists && fstatat(rules.0.descriptor, name, &info, 0) == 0
        && info.st_dev == cdbFile.st_dev && info.st_ino == cdbFile.st_ino
      if sameInode || (sameDirectory && name == cdb.1) {
        throw TcpRulesError.cdbIsRulesFile(cdb: cdbPath, file: path)
      }
    }
  }

  /// Opens the directory holding `path` for writing (no symbolic link below `root`) and
  /// refuses a link in place of the file itself.
  static func openForWriting(_ path: String, root: String) throws -> (Directory, String) {
    let (parent, name) = split(path)
    let directory = try Directory.openForWriting(parent, root: root)
    try directory.refuseSymbolicLink(name)
    return (directory, name)
  }

  /// The directory and the last component of `path`.
  static func split(_ path: String) -> (String, String) {
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return (parent, name)
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

  /// Whether the cdb holds what `file` compiles to; an unreadable cdb counts as stale.
  func cdbState(for file: RulesFile) -> RulesReport.CDBState {
    do {
      return RulesReport(file: file, cdbRecords: try cdbRecords()).cdbState
    } catch {
      return .stale
    }
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
  /// DKQUEUE values and DKSIGN selectors are checked on the system under `root` unless
  /// `options` bring their own checks.
  /// - Throws: `SystemError` when tcp.smtp cannot be read.
  public func lint(options: LintOptions) throws -> [Diagnostic] {
    var options = options
    if options.queueProgramProblems == nil {
      let paths = ToasterPaths(root: root)
      options.queueProgramProblems = { Self.queueProgramProblems($0, paths: paths) }
    }
    if options.signingKeyProblems == nil {
      let paths = ToasterPaths(root: root)
      options.signingKeyProblems = { Self.selectorCaseProblems($0, paths: paths) }
    }
    return RulesLinter.lint(try readRules(), path: rulesPath, options: options)
  }
}
