public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The key tree under `/var/qmail/control/domainkeys`: one directory per domain, one key
/// file per selector, laid out as `KeyLayout` describes.
///
/// Every operation opens the key directory once and reaches domains and keys relative to
/// it with `O_NOFOLLOW`, so a symbolic link planted inside cannot redirect a read or write.
public struct KeyStore: Sendable {
  /// The key directory.
  public let path: String
  /// The `--root` the key directory lies under: no write follows a link below it.
  public let root: String
  /// Where judging the signing user's access starts.
  ///
  /// Every directory below it down to a key is judged: the `--root`, or the key
  /// directory's parent.
  public let top: String
  /// The file naming the users besides the group who read every key through an ACL
  /// (`control/toaster-dk/key-readers`), or nil for a store outside a qmail tree.
  public private(set) var readersPath: String? = nil

  /// A store rooted at `path`; writes never go through a symbolic link below `root`.
  ///
  /// The signing user's access is judged below `top` (default: `path`'s parent, so the
  /// key directory itself is judged).
  public init(path: String, root: String = "/", top: String? = nil) {
    self.path = path
    self.root = root
    let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    self.top = top ?? parent
  }

  /// The store at `/var/qmail/control/domainkeys` under `paths.root`.
  public init(paths: ToasterPaths) {
    self.init(path: paths.domainKeys, root: paths.root, top: paths.root)
    readersPath = paths.resolve(Self.readersSystemPath)
  }

  /// The path of `name` inside the key directory, for messages.
  func join(_ names: String...) -> String {
    names.reduce(path) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
  }

  /// Opens the key directory, creating it (0755, one level only) when asked.
  ///
  /// For a write, no component below `root` may be a symbolic link (a sandbox copied from
  /// a live server must never write to the live keys); a read may follow links.
  func openRoot(create: Bool, forWriting: Bool = true) throws -> Directory {
    do {
      guard forWriting || create else { return try Directory(path: path) }
      return try Directory.openForWriting(
        path, root: root, createLast: create ? KeyLayout.keyDirectoryMode : nil)
    } catch let error as SystemError where error.code == ENOENT {
      throw KeyStoreError.missingKeyDirectory(path: path)
    }
  }

  /// Opens the directory of `domain` without following a link; with `create`, makes it if
  /// missing and brings it to those permissions.
  func openDomain(_ domain: String, in root: Directory, create: FilePermissions? = nil) throws
    -> Directory
  {
    let domainPath = root.join(domain)
    if let info = try root.status(of: domain) {
      if info.st_mode & S_IFMT == S_IFLNK, let real = try aliasTarget(of: domain, in: root) {
        throw KeyStoreError.aliasLink(path: domainPath, target: real)
      }
      try Self.expect(info, S_IFDIR, path: domainPath, what: "directory")
    } else if create == nil {
      throw KeyStoreError.noSuchDomain(path: domainPath, domain: domain)
    }
    let directory = try root.subdirectory(
      domain, create: create.map { _ in KeyLayout.directoryMode })
    if let create {
      try PermissionChanger.apply(create, to: directory.descriptor, path: domainPath)
    }
    return directory
  }

  /// Throws unless `info` is of `type`, naming links separately.
  static func expect(_ info: stat, _ type: mode_t, path: String, what: String) throws {
    let found = info.st_mode & S_IFMT
    if found == S_IFLNK { throw KeyStoreError.symbolicLink(path: path) }
    if found != type { throw KeyStoreError.unexpectedFileType(path: path, expected: what) }
  }

  /// Runs `body`, turning whatever it throws into a `KeyStoreError`.
  static func mapping<T>(_ body: () throws -> T) throws(KeyStoreError) -> T {
    do {
      return try body()
    } catch let error as KeyStoreError {
      throw error
    } catch let error as SymbolicLinkError {
      throw .symbolicLink(path: error.path)
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  /// A UTC time stamp such as `20260121T094500Z` for backup names.
  static func stamp(_ timestamp: Int) -> String {
    var time = time_t(timestamp)
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
  }
}
