internal import CTinyCDB
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Streams records into a cdb file through tinycdb's `cdb_make_*`.
///
/// Records go in the order they are added, duplicates included, which is what makes the
/// output byte-identical to ucspi-tcp's `tcprules` (same hash, same 2n table sizing, same
/// probe placement). The descriptor must be an empty, seekable file at offset 0 and stays
/// owned by the caller.
public final class CDBWriter {
  // tinycdb keeps pointers into struct cdb_make, so it lives at one stable heap address.
  private let state: UnsafeMutablePointer<cdb_make>
  private let path: String
  private var finished = false

  /// Starts a new database on `descriptor`.
  ///
  /// `path` names the file in messages.
  /// - Throws: `CDBError.system` when tinycdb cannot start (e.g. the descriptor is bad).
  public init(descriptor: Int32, path: String) throws {
    state = UnsafeMutablePointer<cdb_make>.allocate(capacity: 1)
    self.path = path
    guard cdb_make_start(state, descriptor) == 0 else {
      state.deallocate()
      throw CDBError.system(.fromErrno("start cdb in", path: path, access: .writing))
    }
  }

  deinit {
    // An abandoned writer still holds tinycdb's record lists; finishing frees them. The
    // temp file it writes to is discarded by the caller.
    if !finished { _ = cdb_make_finish(state) }
    state.deallocate()
  }

  /// Appends one record.
  ///
  /// - Throws: `CDBError.tooLarge` past 4 GiB, `CDBError.system` when a write fails.
  public func add(key: some Collection<UInt8>, data: some Collection<UInt8>) throws {
    try withContiguousBytes(key) { keyBuffer in
      try withContiguousBytes(data) { dataBuffer in try add(key: keyBuffer, data: dataBuffer) }
    }
  }

  /// Appends one record from raw buffers, the non-generic fast path for bulk compilers.
  ///
  /// - Throws: `CDBError.tooLarge` past 4 GiB, `CDBError.system` when a write fails.
  public func add(key: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) throws {
    precondition(!finished, "CDBWriter.add after finish")
    guard key.count <= UInt32.max, data.count <= UInt32.max else {
      throw CDBError.tooLarge(path: path)
    }
    let result = cdb_make_add(
      state, key.baseAddress, UInt32(key.count), data.baseAddress, UInt32(data.count))
    if result != 0 { throw writeError() }
  }

  /// Writes the hash tables and the header; the caller then fsyncs and renames.
  ///
  /// - Throws: `CDBError` when the final writes fail.
  public func finish() throws {
    precondition(!finished, "CDBWriter.finish twice")
    finished = true
    if cdb_make_finish(state) != 0 { throw writeError() }
  }

  private func writeError() -> CDBError {
    errno == ENOMEM
      ? .tooLarge(path: path) : .system(.fromErrno("write to", path: path, access: .writing))
  }
}

private func withContiguousBytes<R>(
  _ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> R
) rethrows -> R {
  if let result = try bytes.withContiguousStorageIfAvailable({
    try body(UnsafeRawBufferPointer($0))
  }) {
    return result
  }
  return try Array(bytes).withUnsafeBytes(body)
}
