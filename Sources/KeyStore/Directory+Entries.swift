import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension Directory {
  /// The names in this directory, sorted, without `.` and `..`.
  ///
  /// - Throws: `SystemError` when the directory cannot be read.
  func entryNames() throws -> [String] {
    // fdopendir takes ownership of the descriptor it is given, so give it a duplicate.
    let copy = dup(descriptor)
    guard copy >= 0 else { throw SystemError.fromErrno("read directory", path: path) }
    guard let stream = fdopendir(copy) else {
      close(copy)
      throw SystemError.fromErrno("read directory", path: path)
    }
    defer { closedir(stream) }
    rewinddir(stream)
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Opens the regular file `name` for reading without following a link, to change its
  /// permissions through the descriptor (so a link swapped in cannot redirect the change).
  ///
  /// - Throws: `SystemError` when it cannot be opened.
  func openForAttributes(_ name: String) throws -> Int32 {
    let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
    let fd = retryingOnInterrupt { openat(descriptor, name, flags) }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: join(name)) }
    return fd
  }
}
