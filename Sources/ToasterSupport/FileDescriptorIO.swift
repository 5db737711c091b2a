#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-buffer reads and writes on a raw descriptor, retrying short transfers and `EINTR`.
public enum FileDescriptorIO {
  /// Reads from `fd` until end of file.
  ///
  /// - Throws: `SystemError` naming `path` when a read fails.
  public static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
    var result: [UInt8] = []
    var info = stat()
    if fstat(fd, &info) == 0, info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        retryingOnInterrupt { read(fd, buffer.baseAddress, buffer.count) }
      }
      if count < 0 { throw SystemError.fromErrno("read", path: path, access: .reading) }
      if count == 0 { return result }
      result.append(contentsOf: chunk[0..<count])
    }
  }

  /// Writes every byte of `bytes` to `fd`.
  ///
  /// - Throws: `SystemError` naming `path` when a write fails.
  public static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, path: String) throws {
    try bytes.withContiguousStorageIfAvailable {
      try writeAll(fd, UnsafeRawBufferPointer($0), path: path)
    }
      ?? Array(bytes).withUnsafeBytes { try writeAll(fd, $0, path: path) }
  }

  private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
    var offset = 0
    while offset < buffer.count {
      let count = retryingOnInterrupt {
        write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if count < 0 { throw SystemError.fromErrno("write to", path: path, access: .writing) }
      offset += count
    }
  }

  /// Reads a whole file by path (following symbolic links, as `cat` would).
  ///
  /// - Throws: `SystemError` when it cannot be opened or read.
  public static func readFile(atPath path: String) throws -> [UInt8] {
    let fd = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: path, access: .reading) }
    defer { close(fd) }
    return try readAll(fd, path: path)
  }
}
