import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The whole message, read from fd 0 to end of file into an unlinked temporary file, so any
/// size costs a fixed amount of memory and nothing is left on disk whatever happens.
struct MessageSpool {
  /// The open spool file, at offset 0 after reading.
  let descriptor: Int32
  /// Its size in bytes.
  let size: Int

  /// Copies `input` to end of file into a new file in `directory`.
  ///
  /// - Throws: `QueueExit.readFailed` when `input` cannot be read, `.writeFailed` when the
  ///   spool cannot be made or written (a full or read-only TMPDIR).
  init(reading input: Int32, directory: String) throws(QueueExit) {
    var template = Array("\(directory)/toaster-dk-queue.XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard fd >= 0 else { throw Self.failure(QueueExit.writeFailed, "create", path) }
    // Unlinked at once: the data lives as long as the descriptor, and a crash leaves nothing.
    unlink(path)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    descriptor = fd
    do throws(QueueExit) {
      size = try Self.copy(from: input, to: fd, path: path)
    } catch {
      close(fd)
      throw error
    }
    guard lseek(fd, 0, SEEK_SET) == 0 else {
      close(fd)
      throw Self.failure(QueueExit.readFailed, "rewind", path)
    }
  }

  private static func copy(from input: Int32, to fd: Int32, path: String) throws(QueueExit)
    -> Int
  {
    let chunk = 1 << 16
    guard let buffer = malloc(chunk) else { throw .outOfMemory("unable to allocate a buffer") }
    defer { free(buffer) }
    var total = 0
    while true {
      let count = retryingOnInterrupt { read(input, buffer, chunk) }
      if count < 0 { throw failure(QueueExit.readFailed, "read message from", "standard input") }
      if count == 0 { return total }
      var offset = 0
      while offset < count {
        let written = retryingOnInterrupt { write(fd, buffer + offset, count - offset) }
        if written < 0 { throw failure(QueueExit.writeFailed, "write to", path) }
        offset += written
      }
      total += count
    }
  }

  private static func failure(
    _ kind: (String) -> QueueExit, _ operation: String, _ path: String
  ) -> QueueExit {
    let error = SystemError.fromErrno(
      operation, path: path,
      access: operation == "write to" || operation == "create" ? .writing : .reading)
    return error.code == ENOMEM ? .outOfMemory(error.description) : kind(error.description)
  }
}
