import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension Directory {
  /// Opens the regular file `name` for reading without following a link, to change its
  /// permissions through the descriptor (so a link swapped in cannot redirect the change).
  ///
  /// - Throws: `SystemError` when it cannot be opened.
  func openForAttributes(_ name: String) throws -> Int32 {
    let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
    let fd = retryingOnInterrupt { openat(descriptor, name, flags) }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: join(name), access: .reading) }
    return fd
  }
}
