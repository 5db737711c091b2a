import DKEngine
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Unlinked temporary files for the message.
///
/// They hold the input when fd 0 is not a regular file, and the signed message handed to
/// qmail-remote.orig. Any size costs a fixed amount of
/// memory, fd 0 stays a seekable regular file (as qmail-rspawn gives it, and some
/// qmail-remote replacements `mmap` it), and a crash leaves nothing behind.
enum RemoteSpool {
  /// A new empty file in `directory`, already unlinked.
  ///
  /// - Throws: `RemoteExit.deferral` naming the file and the reason.
  static func create(in directory: String) throws(RemoteExit) -> Int32 {
    var template = Array("\(directory)/toaster-dk-remote.XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard fd >= 0 else { throw failure("create", path, .writing) }
    unlink(path)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    return fd
  }

  /// Copies `input` to end of file into `fd`, then rewinds `fd`.
  ///
  /// - Throws: `RemoteExit.deferral` when reading or writing fails.
  static func copy(from input: Int32, to fd: Int32) throws(RemoteExit) {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { bytes in
        retryingOnInterrupt { read(input, bytes.baseAddress, bytes.count) }
      }
      if count < 0 { throw failure("read message from", "standard input", .reading) }
      if count == 0 { break }
      try write(buffer.prefix(count), to: fd)
    }
    try rewind(fd)
  }

  /// Writes `headers`, then `message` piece by piece, into `fd`, then rewinds it.
  ///
  /// - Throws: `RemoteExit.deferral` when writing fails.
  static func write(headers: [UInt8], message: MessageBytes, to fd: Int32) throws(RemoteExit) {
    try write(headers[...], to: fd)
    do {
      try message.forEachChunk { chunk in
        try FileDescriptorIO.writeAll(fd, chunk, path: "the signed message spool")
      }
    } catch {
      throw .deferral("\(error)")
    }
    try rewind(fd)
  }

  /// Puts `fd` back at offset 0.
  ///
  /// - Throws: `RemoteExit.deferral` when it cannot seek.
  static func rewind(_ fd: Int32) throws(RemoteExit) {
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw failure("rewind", "the message", .reading) }
  }

  private static func write(_ bytes: ArraySlice<UInt8>, to fd: Int32) throws(RemoteExit) {
    do {
      try FileDescriptorIO.writeAll(fd, bytes, path: "the message spool")
    } catch {
      throw .deferral("\(error)")
    }
  }

  private static func failure(_ operation: String, _ path: String, _ access: SystemError.Access)
    -> RemoteExit
  {
    .deferral(SystemError.fromErrno(operation, path: path, access: access).description)
  }
}
