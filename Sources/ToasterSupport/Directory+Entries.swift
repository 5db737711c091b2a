#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Directory {
  /// The names in this directory, sorted, without `.` and `..`.
  ///
  /// - Throws: `SystemError` when the directory cannot be read.
  public func entryNames() throws -> [String] {
    // fdopendir takes ownership of the descriptor it is given, so give it a duplicate.
    let copy = dup(descriptor)
    guard copy >= 0 else {
      throw SystemError.fromErrno("read directory", path: path, access: .reading)
    }
    guard let stream = fdopendir(copy) else {
      close(copy)
      throw SystemError.fromErrno("read directory", path: path, access: .reading)
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
}
