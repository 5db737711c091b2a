#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open directory, the anchor for `openat`-relative file operations.
///
/// Holding the directory open and working relative to it means a rename of a parent or a
/// symbolic link planted later cannot redirect a write elsewhere.
public final class Directory {
  /// The open descriptor; owned, closed in `deinit`.
  public let descriptor: Int32
  /// The path used to open it, for messages.
  public let path: String

  /// Opens `path`, following symbolic links in it (the caller chose the path); `access`
  /// says whether the directory is read or written to, for the error.
  ///
  /// - Throws: `SystemError` when the directory cannot be opened.
  public init(path: String, for access: SystemError.Access = .reading) throws {
    let fd = retryingOnInterrupt { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    guard fd >= 0 else {
      throw SystemError.fromErrno("open directory", path: path, access: access)
    }
    self.descriptor = fd
    self.path = path
  }

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  deinit { close(descriptor) }

  /// Opens the directory `name` inside this one without following a symbolic link.
  ///
  /// When `mode` is given, a missing directory is created with it.
  /// - Returns: the opened subdirectory.
  /// - Throws: `SystemError`; `ELOOP` or `ENOTDIR` when `name` is a symbolic link.
  public func subdirectory(_ name: String, create mode: mode_t? = nil) throws -> Directory {
    let childPath = join(name)
    if let mode, mkdirat(descriptor, name, mode) != 0, errno != EEXIST {
      throw SystemError.fromErrno("create directory", path: childPath, access: .writing)
    }
    let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW
    let fd = retryingOnInterrupt { openat(descriptor, name, flags) }
    guard fd >= 0 else {
      throw SystemError.fromErrno("open directory", path: childPath, access: .reading)
    }
    return Directory(descriptor: fd, path: childPath)
  }

  /// The path of `name` inside this directory, for messages.
  public func join(_ name: String) -> String {
    path.hasSuffix("/") ? path + name : path + "/" + name
  }

  /// Reads the whole regular file `name`, refusing a symbolic link.
  ///
  /// - Throws: `SystemError` when it cannot be opened or read.
  public func readFile(_ name: String) throws -> [UInt8] {
    let flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW
    let fd = retryingOnInterrupt { openat(descriptor, name, flags) }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: join(name), access: .reading) }
    defer { close(fd) }
    return try FileDescriptorIO.readAll(fd, path: join(name))
  }

  /// Returns the `stat` of `name` without following a symbolic link, or nil if absent.
  ///
  /// - Throws: `SystemError` for failures other than "does not exist".
  public func status(of name: String) throws -> stat? {
    var info = stat()
    if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { return info }
    if errno == ENOENT { return nil }
    throw SystemError.fromErrno("stat", path: join(name), access: .reading)
  }

  /// Flushes the directory's entries (a completed rename) to disk.
  ///
  /// - Throws: `SystemError` when `fsync` fails.
  public func sync() throws {
    guard retryingOnInterrupt({ fsync(descriptor) }) == 0 else {
      throw SystemError.fromErrno("fsync directory", path: path, access: .writing)
    }
  }

  /// Runs `body` while holding an exclusive advisory lock on this directory.
  ///
  /// The lock is on the directory rather than on the file because the file is replaced by
  /// rename, which would leave a lock on the old inode. A second toaster-dk waits here.
  /// - Throws: `SystemError` when locking fails, or what `body` throws.
  public func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
    guard retryingOnInterrupt({ flock(descriptor, LOCK_EX) }) == 0 else {
      throw SystemError.fromErrno("lock directory", path: path, access: .writing)
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
