public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Reads and switches the qmail-queue link in `/var/qmail/bin` (under a root), each switch
/// one atomic rename.
public struct QueueChainDirectory: Sendable {
  /// The `bin` directory, resolved under the root.
  public let directory: String
  private let root: String

  /// The `bin` directory of `paths`.
  public init(paths: ToasterPaths) {
    directory = paths.resolve("/var/qmail/bin")
    root = paths.root
  }

  // Every switch holds the bin directory's lock (the one Directory.withExclusiveLock takes),
  // so two toaster-dk runs never interleave their renames; a bin directory reached through
  // a symbolic link below the root is refused.
  private func locked<T>(_ body: () throws(QueueChainError) -> T) throws(QueueChainError) -> T {
    let bin: Directory
    do {
      bin = try Directory.openForWriting(directory, root: root)
    } catch let error as SymbolicLinkError {
      throw .symbolicLink(error)
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      throw .system(SystemError(operation: "open", path: directory, code: EIO, access: .writing))
    }
    do {
      return try bin.withExclusiveLock { () throws(QueueChainError) -> T in try body() }
    } catch let error as QueueChainError {
      throw error
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      throw .system(SystemError(operation: "lock", path: directory, code: EIO, access: .writing))
    }
  }

  /// `toaster-dk-queue` in the directory of the running program (`make install` puts
  /// both programs in one directory).
  public static var filterBesideThisProgram: String {
    let path = linkText("/proc/self/exe").map(text) ?? CommandLine.arguments.first ?? ""
    return String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) + "/toaster-dk-queue"
  }

  /// What is there now.
  public func read() -> QueueChain {
    var info = stat()
    let original = stat(directory + "/qmail-queue.orig", &info) == 0
    return QueueChain(
      target: Self.linkText(directory + "/qmail-queue").map(Self.text),
      savedTarget: Self.linkText(directory + "/" + QueueChain.savedName).map(Self.text),
      hasOriginalQueue: original)
  }

  /// Points qmail-queue at `filter`, keeping its old target in the saved link; does nothing
  /// when the filter is already installed.
  ///
  /// - Returns: whether anything changed.
  /// - Throws: `QueueChainError` for an unknown layout, a missing filter or a failed call;
  ///   nothing is changed then.
  @discardableResult
  public func install(filter: String, dryRun: Bool = false) throws(QueueChainError) -> Bool {
    try locked { () throws(QueueChainError) -> Bool in
      try installLocked(filter: filter, dryRun: dryRun)
    }
  }

  private func installLocked(filter: String, dryRun: Bool) throws(QueueChainError) -> Bool {
    let chain = read()
    if chain.state == .filter { return false }
    guard chain.state == .qmailDK, let old = Self.linkText(directory + "/qmail-queue") else {
      throw .unknownLayout(chain.problem ?? "")
    }
    guard access(filter, X_OK) == 0 else { throw .noFilter(filter) }
    if dryRun { return true }
    let saved = directory + "/" + QueueChain.savedName
    try Self.call("create link", saved) { symlink(old, saved) }
    let temporary = directory + "/.qmail-queue.toaster-dk.tmp"
    unlink(temporary)
    do {
      try Self.call("create link", temporary) { symlink(filter, temporary) }
      try Self.call("rename \(temporary) to", directory + "/qmail-queue") {
        rename(temporary, directory + "/qmail-queue")
      }
    } catch {
      unlink(temporary)
      unlink(saved)
      throw error
    }
    syncDirectory()
    return true
  }

  /// Puts back what qmail-queue pointed at before `install`, byte for byte, in one rename.
  ///
  /// - Throws: `QueueChainError.notInstalled` when toaster-dk-queue is not in place, or
  ///   `.system` when the rename fails.
  public func uninstall(dryRun: Bool = false) throws(QueueChainError) {
    try locked { () throws(QueueChainError) in try uninstallLocked(dryRun: dryRun) }
  }

  private func uninstallLocked(dryRun: Bool) throws(QueueChainError) {
    guard read().state == .filter else { throw .notInstalled }
    if dryRun { return }
    let saved = directory + "/" + QueueChain.savedName
    try Self.call("rename \(saved) to", directory + "/qmail-queue") {
      rename(saved, directory + "/qmail-queue")
    }
    syncDirectory()
  }

  private func syncDirectory() {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  // The link's bytes exactly as stored (not decoded), so a restore writes them unchanged.
  private static func linkText(_ path: String) -> [CChar]? {
    var buffer = [CChar](repeating: 0, count: 4097)
    let count = readlink(path, &buffer, 4096)
    guard count >= 0 else { return nil }
    return Array(buffer[0..<count]) + [0]
  }

  private static func text(_ bytes: [CChar]) -> String {
    String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func call(_ operation: String, _ path: String, _ body: () -> Int32)
    throws(QueueChainError)
  {
    guard body() == 0 else {
      throw .system(SystemError.fromErrno(operation, path: path, access: .writing))
    }
  }
}
