import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The copying behind `SnapshotWriter`: one pass over the plan into the temp directory.
struct SnapshotCopier {
  let plan: SnapshotPlan
  let root: Directory
  var result: SnapshotResult
  /// Directories made for the parents of listed files, with the live directory's `stat`.
  private var parents: [String: (directory: Directory, source: stat)] = [:]
  private let paths: ToasterPaths

  init(plan: SnapshotPlan, root: Directory, destination: String) {
    self.plan = plan
    self.root = root
    self.result = SnapshotResult(destination: destination)
    self.paths = ToasterPaths(root: plan.sourceRoot)
  }

  /// Copies every listed file and the key tree, then gives the parents and the snapshot's
  /// root the live directories' owners and modes.
  mutating func copyAll() throws {
    for systemPath in plan.files + [plan.tree] {
      let parts = SnapshotPlan.components(systemPath)
      guard let name = parts.last else { continue }
      let sourceParent: Directory
      do {
        sourceParent = try Directory(
          path: paths.resolve("/" + parts.dropLast().joined(separator: "/")))
      } catch let error as SystemError where error.isNotFound {
        continue
      }
      let follow = systemPath == plan.tree
      guard let info = try Self.status(name, in: sourceParent, follow: follow) else { continue }
      let destination = try parent(Array(parts.dropLast()))
      try copy(name, info: info, from: sourceParent, to: destination, systemPath: systemPath)
    }
    for key in parents.keys.sorted(by: >) {
      guard let entry = parents[key] else { continue }
      try Self.apply(entry.source, to: entry.directory.descriptor, path: entry.directory.path)
    }
    var info = stat()
    guard stat(paths.resolve("/"), &info) == 0 else {
      throw SystemError.fromErrno("stat", path: paths.resolve("/"), access: .reading)
    }
    try Self.apply(info, to: root.descriptor, path: root.path)
  }

  private static func status(_ name: String, in directory: Directory, follow: Bool) throws -> stat?
  {
    guard follow else { return try directory.status(of: name) }
    var info = stat()
    if fstatat(directory.descriptor, name, &info, 0) == 0 { return info }
    if errno == ENOENT { return nil }
    throw SystemError.fromErrno("stat", path: directory.join(name), access: .reading)
  }

  /// The snapshot directory for the live directory `parts`, made 0700 on first use.
  private mutating func parent(_ parts: [String]) throws -> Directory {
    var current = root
    for index in parts.indices {
      let key = parts[...index].joined(separator: "/")
      if let made = parents[key] {
        current = made.directory
        continue
      }
      let source = paths.resolve("/" + key)
      var info = stat()
      guard stat(source, &info) == 0 else {
        throw SystemError.fromErrno("stat", path: source, access: .reading)
      }
      current = try current.subdirectory(parts[index], create: 0o700)
      parents[key] = (current, info)
      result.directories.append("/" + key)
    }
    return current
  }

  private mutating func copy(
    _ name: String, info: stat, from source: Directory, to destination: Directory,
    systemPath: String
  ) throws {
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      try copyFile(name, info: info, from: source, to: destination, systemPath: systemPath)
    case S_IFDIR:
      let sourceDirectory =
        systemPath == plan.tree
        ? try Directory(path: source.join(name)) : try source.subdirectory(name)
      guard mkdirat(destination.descriptor, name, 0o700) == 0 else {
        throw SystemError.fromErrno(
          "create directory", path: destination.join(name), access: .writing)
      }
      let made = try destination.subdirectory(name)
      for entry in try sourceDirectory.entryNames() {
        guard let entryInfo = try sourceDirectory.status(of: entry) else { continue }
        try copy(
          entry, info: entryInfo, from: sourceDirectory, to: made,
          systemPath: systemPath + "/" + entry)
      }
      try Self.apply(info, to: made.descriptor, path: made.path)
      result.directories.append(systemPath)
    case S_IFLNK:
      try copyLink(name, info: info, from: source, to: destination, systemPath: systemPath)
    default: result.skipped.append(systemPath)
    }
  }

  private mutating func copyFile(
    _ name: String, info: stat, from source: Directory, to destination: Directory,
    systemPath: String
  ) throws {
    let bytes = try source.readFile(name)
    let path = destination.join(name)
    let fd = retryingOnInterrupt {
      openat(destination.descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0)
    }
    guard fd >= 0 else { throw SystemError.fromErrno("create", path: path, access: .writing) }
    defer { close(fd) }
    try FileDescriptorIO.writeAll(fd, bytes, path: path)
    var wanted = info
    // A copy of setuid qmail-queue has no business keeping the bit: toaster-dk only needs
    // to see that the program is there.
    if info.st_mode & (S_ISUID | S_ISGID) != 0 {
      wanted.st_mode &= ~(S_ISUID | S_ISGID)
      result.setIDCleared.append(systemPath)
    }
    try Self.apply(wanted, to: fd, path: path)
    guard retryingOnInterrupt({ fsync(fd) }) == 0 else {
      throw SystemError.fromErrno("fsync", path: path, access: .writing)
    }
    result.files.append(systemPath)
  }

  private mutating func copyLink(
    _ name: String, info: stat, from source: Directory, to destination: Directory,
    systemPath: String
  ) throws {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlinkat(source.descriptor, name, &buffer, buffer.count - 1)
    guard count >= 0 else {
      throw SystemError.fromErrno("read link", path: source.join(name), access: .reading)
    }
    let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    switch plan.decide(link: systemPath, target: target) {
    case .refuse(let resolved): result.refused.append((systemPath, resolved))
    case .keep(let rewritten):
      guard symlinkat(rewritten, destination.descriptor, name) == 0 else {
        throw SystemError.fromErrno("create link", path: destination.join(name), access: .writing)
      }
      guard
        fchownat(destination.descriptor, name, info.st_uid, info.st_gid, AT_SYMLINK_NOFOLLOW) == 0
      else {
        throw SystemError.fromErrno(
          "change owner of", path: destination.join(name), access: .writing)
      }
      result.links.append((systemPath, rewritten))
    }
  }

  /// Owner first (which clears set-id bits), then the live mode; a directory is synced too,
  /// once its entries are in.
  private static func apply(_ info: stat, to fd: Int32, path: String) throws {
    if info.st_mode & S_IFMT == S_IFDIR, retryingOnInterrupt({ fsync(fd) }) != 0 {
      throw SystemError.fromErrno("fsync directory", path: path, access: .writing)
    }
    guard fchown(fd, info.st_uid, info.st_gid) == 0 else {
      throw SystemError.fromErrno("change owner of", path: path, access: .writing)
    }
    guard fchmod(fd, info.st_mode & 0o7777) == 0 else {
      throw SystemError.fromErrno("change mode of", path: path, access: .writing)
    }
  }

  /// Removes the temp tree `name` (ours: no link in it is followed) after a failure.
  static func removeTree(_ name: String, in parent: Directory) {
    if let directory = try? parent.subdirectory(name), let entries = try? directory.entryNames() {
      for entry in entries {
        if unlinkat(directory.descriptor, entry, 0) != 0 { removeTree(entry, in: directory) }
      }
    }
    unlinkat(parent.descriptor, name, AT_REMOVEDIR)
  }
}
