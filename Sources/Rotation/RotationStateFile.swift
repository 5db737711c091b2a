import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The rotation's state file, `.rotation` in the key directory: the only part of Rotation
/// that touches it.
///
/// Every step runs under an exclusive lock on the key directory (KeyStore locks only domain
/// directories, so the two never wait on each other), and the file is replaced atomically,
/// never through a symbolic link below `root`.
public struct RotationStateFile: Sendable {
  /// The file's name in the key directory; a dot name, so key listings skip it.
  public static let fileName = ".rotation"

  /// The key directory.
  public let keyDirectory: String
  /// The `--root` it lies under.
  public let root: String

  /// The store for the key directory at `keyDirectory`.
  public init(keyDirectory: String, root: String = "/") {
    self.keyDirectory = keyDirectory
    self.root = root
  }

  /// The state file's path, for messages.
  public var path: String {
    keyDirectory.hasSuffix("/") ? keyDirectory + Self.fileName : keyDirectory + "/" + Self.fileName
  }

  /// Runs `body` holding the rotation lock, with the state file open for reading and writing.
  ///
  /// - Throws: `SystemError` or `SymbolicLinkError` when the key directory cannot be opened
  ///   or locked, or what `body` throws.
  public func withLock<T>(_ body: (LockedRotationFile) throws -> T) throws -> T {
    let directory = try Directory.openForWriting(keyDirectory, root: root)
    try directory.refuseSymbolicLink(Self.fileName)
    return try directory.withExclusiveLock {
      try body(LockedRotationFile(directory: directory, path: path))
    }
  }

  /// Reads the state without the lock (for `status`), or nil when no rotation is in progress.
  ///
  /// - Throws: `RotationError.malformedState`, or `SystemError` when it cannot be read.
  public func read() throws -> RotationState? {
    do {
      return try RotationState.parse(FileDescriptorIO.readFile(atPath: path), path: path)
    } catch let error as SystemError where error.isNotFound {
      return nil
    }
  }
}

/// The state file while the rotation lock is held.
public struct LockedRotationFile {
  let directory: Directory
  /// The state file's path, for messages.
  public let path: String

  /// The state, or nil when there is none.
  ///
  /// - Throws: `RotationError.malformedState` or `SystemError`.
  public func read() throws -> RotationState? {
    guard try directory.status(of: RotationStateFile.fileName) != nil else { return nil }
    return try RotationState.parse(directory.readFile(RotationStateFile.fileName), path: path)
  }

  /// The state, or `RotationError.noRotation`.
  ///
  /// - Throws: `RotationError` or `SystemError`.
  public func require() throws -> RotationState {
    guard let state = try read() else { throw RotationError.noRotation(path: path) }
    return state
  }

  /// Replaces the state atomically (0600: it names domains, nothing secret, but it is
  /// root's working file).
  ///
  /// - Throws: `SystemError`; the old state is then untouched.
  public func write(_ state: RotationState) throws {
    try AtomicFile.write(
      state.render(), named: RotationStateFile.fileName, in: directory,
      permissions: FilePermissions(mode: 0o600))
  }

  /// Removes the state file: the rotation is over.
  ///
  /// - Throws: `SystemError` when it exists and cannot be removed.
  public func remove() throws {
    guard unlinkat(directory.descriptor, RotationStateFile.fileName, 0) == 0 || errno == ENOENT
    else {
      throw SystemError.fromErrno("remove", path: path, access: .writing)
    }
    try directory.sync()
  }
}
