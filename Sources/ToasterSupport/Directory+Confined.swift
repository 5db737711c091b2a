#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A write refused because it would go through a symbolic link.
public struct SymbolicLinkError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The link.
  public let path: String
  /// What the link points to, as `readlink` gives it (nil when unreadable).
  public let target: String?

  /// Creates the error for the link at `path`.
  public init(path: String, target: String?) {
    self.path = path
    self.target = target
  }

  public var description: String {
    let pointing = target.map { " to \($0)" } ?? ""
    return "unable to write through \(path): it is a symbolic link\(pointing); "
      + "toaster-dk never writes through a link, so replace it with a real file or directory"
  }
}

extension Directory {
  /// Opens the directory `path` for writing without following a symbolic link below `root`.
  ///
  /// `root` itself is opened as given (the caller chose it, links and all). Every component
  /// of `path` below it must be a real directory, so a sandbox copied with `cp -a` from a
  /// live server, whose absolute links point back at the live tree, can never redirect a
  /// write there. A path outside `root`, or any path when `root` is `/`, is opened as given.
  /// When `mode` is given, a missing last component is created with it.
  /// - Throws: `SymbolicLinkError` naming the first link below `root`, or `SystemError`.
  public static func openForWriting(
    _ path: String, root: String, createLast mode: mode_t? = nil
  ) throws -> Directory {
    guard let (rootPath, components) = confinedComponents(path, root: root) else {
      if let mode, mkdir(path, mode) != 0, errno != EEXIST {
        throw SystemError.fromErrno("create directory", path: path, access: .writing)
      }
      return try Directory(path: path)
    }
    var directory = try Directory(path: rootPath)
    for (index, component) in components.enumerated() {
      try directory.refuseSymbolicLink(component)
      let create = index == components.count - 1 ? mode : nil
      directory = try directory.subdirectory(component, create: create)
    }
    return directory
  }

  /// Throws when `name` in this directory is a symbolic link; a missing name is fine.
  ///
  /// - Throws: `SymbolicLinkError` naming the link, or `SystemError` when `stat` fails.
  public func refuseSymbolicLink(_ name: String) throws {
    guard let info = try status(of: name), (info.st_mode & S_IFMT) == S_IFLNK else { return }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlinkat(descriptor, name, &buffer, buffer.count - 1)
    let target =
      count >= 0
      ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    throw SymbolicLinkError(path: join(name), target: target)
  }

  /// The root to open and the components below it, or nil when `path` is not below a
  /// root other than `/` (`..` is resolved by name, as the shell would).
  static func confinedComponents(_ path: String, root: String) -> (String, [String])? {
    var trimmedRoot = root
    while trimmedRoot.count > 1, trimmedRoot.hasSuffix("/") { trimmedRoot.removeLast() }
    guard trimmedRoot != "/", !trimmedRoot.isEmpty else { return nil }
    guard path == trimmedRoot || path.hasPrefix(trimmedRoot + "/") else { return nil }
    var components: [String] = []
    for part in path.dropFirst(trimmedRoot.count).split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        guard !components.isEmpty else { return nil }
        components.removeLast()
      default: components.append(String(part))
      }
    }
    return (trimmedRoot, components)
  }
}
