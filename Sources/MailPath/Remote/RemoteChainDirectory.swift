public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Reads and switches `bin/qmail-remote` (under a root), locked against a concurrent
/// toaster-dk; at every moment some working qmail-remote is in place.
public struct RemoteChainDirectory: Sendable {
  /// The `bin` directory, resolved under the root.
  public let directory: String
  private let control: String
  private let root: String

  /// The `bin` directory of `paths`.
  public init(paths: ToasterPaths) {
    directory = paths.resolve("/var/qmail/bin")
    control = paths.resolve("/var/qmail/control")
    root = paths.root
  }

  /// The launcher `toaster-dk-remote` in the directory of the running program.
  public static var launcherBesideThisProgram: String {
    String(QueueChainDirectory.filterBesideThisProgram.dropLast("toaster-dk-queue".count))
      + "toaster-dk-remote"
  }

  private var program: String { directory + "/qmail-remote" }
  private var original: String { directory + "/qmail-remote.orig" }
  private var saved: String { directory + "/" + RemoteChain.savedName }

  /// What is there now.
  public func read() -> RemoteChain {
    var info = stat()
    let head = Array((try? FileDescriptorIO.readFile(atPath: program))?.prefix(4096) ?? [])
    let text = String(decoding: head, as: UTF8.self)
    let isLink = lstat(program, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    let writable = !isLink && info.st_mode & 0o002 != 0
    let signconf = (try? FileDescriptorIO.readFile(atPath: control + "/dkim/signconf.xml")).map {
      PerlWrapperSettings(signconf: String(decoding: $0, as: UTF8.self), worldWritable: writable)
    }
    // Not text.contains("perl"): StringProtocol.contains(_:) would link _StringProcessing
    // and its regex engine into the queue filter and the remote signer, whose relocated
    // metadata every start pays for.
    return RemoteChain(
      target: isLink ? Self.linkText(program) : nil, isScript: text.hasPrefix("#!"),
      mentionsPerl: text.indices.contains { text[$0...].hasPrefix("perl") },
      hasOriginal: lstat(original, &info) == 0,
      hasSaved: lstat(saved, &info) == 0, perlWrapper: signconf)
  }

  /// Points qmail-remote at `launcher`, keeping what was there as qmail-remote.before-
  /// toaster-dk (and, for the stock program, as qmail-remote.orig too, for the signer).
  ///
  /// - Returns: whether anything changed (nothing when already installed).
  /// - Throws: `RemoteChainError`; nothing is changed then.
  @discardableResult
  public func install(launcher: String, dryRun: Bool = false) throws(RemoteChainError) -> Bool {
    try locked { () throws(RemoteChainError) -> Bool in
      let chain = read()
      if chain.state == .toasterDK { return false }
      guard chain.state == .stock || chain.state == .qmtPerlWrapper else {
        throw .unknownLayout(chain.problem ?? "")
      }
      try checkLauncher(launcher)
      if dryRun { return true }
      // Hard links first: qmail-remote keeps working until the one rename below.
      try call("link \(program) to", saved) { link(program, saved) }
      if chain.state == .stock {
        guard link(program, original) == 0 else {
          let error = SystemError.fromErrno("link \(program) to", path: original, access: .writing)
          unlink(saved)
          throw .system(error)
        }
      }
      let temporary = directory + "/.qmail-remote.toaster-dk.tmp"
      unlink(temporary)
      do throws(RemoteChainError) {
        try call("create link", temporary) { symlink(launcher, temporary) }
        try call("rename \(temporary) to", program) { rename(temporary, program) }
      } catch {
        unlink(temporary)
        if chain.state == .stock { unlink(original) }
        unlink(saved)
        throw error
      }
      syncDirectory()
      return true
    }
  }

  /// Puts back the program kept by `install`, in one rename; qmail-remote.orig goes too
  /// when install made it (the same file as the kept one).
  ///
  /// - Throws: `RemoteChainError.notInstalled` when toaster-dk-remote is not in place.
  public func uninstall(dryRun: Bool = false) throws(RemoteChainError) {
    try locked { () throws(RemoteChainError) in
      guard read().state == .toasterDK else { throw .notInstalled }
      if dryRun { return }
      var kept = stat()
      var orig = stat()
      let madeOriginal =
        stat(saved, &kept) == 0 && stat(original, &orig) == 0 && kept.st_ino == orig.st_ino
        && kept.st_dev == orig.st_dev
      try call("rename \(saved) to", program) { rename(saved, program) }
      if madeOriginal { unlink(original) }
      syncDirectory()
    }
  }

  // The launcher must exist, run, have its signer beside it, and not be what it wraps.
  private func checkLauncher(_ launcher: String) throws(RemoteChainError) {
    var wanted = stat()
    var current = stat()
    for path in [program, original] where stat(launcher, &wanted) == 0 && stat(path, &current) == 0
    {
      if wanted.st_dev == current.st_dev, wanted.st_ino == current.st_ino {
        throw .wrapsItself(path)
      }
    }
    guard access(launcher, X_OK) == 0 else { throw .noLauncher(launcher) }
    let directoryPart = launcher.lastIndex(of: "/").map { String(launcher[..<$0]) } ?? "."
    guard access(directoryPart + "/toaster-dk-remote-signer", X_OK) == 0 else {
      throw .noLauncher(directoryPart + "/toaster-dk-remote-signer")
    }
  }

  private func locked<T>(_ body: () throws(RemoteChainError) -> T) throws(RemoteChainError) -> T {
    let bin: Directory
    do {
      bin = try Directory.openForWriting(directory, root: root)
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      throw .unknownLayout("\(error)")
    }
    guard flock(bin.descriptor, LOCK_EX) == 0 else {
      throw .system(SystemError.fromErrno("lock directory", path: directory, access: .writing))
    }
    defer { flock(bin.descriptor, LOCK_UN) }
    return try body()
  }

  private func syncDirectory() {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  private static func linkText(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4097)
    let count = readlink(path, &buffer, 4096)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private func call(_ operation: String, _ path: String, _ body: () -> Int32)
    throws(RemoteChainError)
  {
    guard body() == 0 else {
      throw .system(SystemError.fromErrno(operation, path: path, access: .writing))
    }
  }
}
