internal import CTinyCDB
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a cdb file through tinycdb (memory-mapped).
public final class CDBReader {
  // tinycdb keeps the mapping inside struct cdb, so it lives at one stable heap address.
  private let state: UnsafeMutablePointer<cdb>
  private let descriptor: Int32
  /// The path opened, for messages.
  public let path: String

  /// Opens and maps the cdb at `path`.
  ///
  /// - Throws: `CDBError.system` when it cannot be opened, `.malformed` when it is not a cdb.
  public init(path: String) throws {
    let fd = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { throw CDBError.system(.fromErrno("open", path: path, access: .reading)) }
    state = UnsafeMutablePointer<cdb>.allocate(capacity: 1)
    guard cdb_init(state, fd) == 0 else {
      let error: CDBError =
        errno == EPROTO
        ? .malformed(path: path) : .system(.fromErrno("read", path: path, access: .reading))
      state.deallocate()
      close(fd)
      throw error
    }
    descriptor = fd
    self.path = path
  }

  deinit {
    cdb_free(state)
    state.deallocate()
    close(descriptor)
  }

  /// The data of the first record with `key`, as tcpserver's lookup returns it.
  ///
  /// - Throws: `CDBError.malformed` when the tables point outside the file.
  public func first(key: [UInt8]) throws -> [UInt8]? {
    let found = key.withUnsafeBytes { cdb_find(state, $0.baseAddress, UInt32($0.count)) }
    if found < 0 { throw CDBError.malformed(path: path) }
    if found == 0 { return nil }
    return try bytes(at: toaster_cdb_datapos(state), count: toaster_cdb_datalen(state))
  }

  /// Every record in file order (the order they were added).
  ///
  /// - Throws: `CDBError.malformed` when the file is inconsistent.
  public func allRecords() throws -> [CDBRecord] {
    var records: [CDBRecord] = []
    var position: UInt32 = 2048
    while true {
      let result = cdb_seqnext(&position, state)
      if result < 0 { throw CDBError.malformed(path: path) }
      if result == 0 { return records }
      let key = try bytes(at: toaster_cdb_keypos(state), count: toaster_cdb_keylen(state))
      let data = try bytes(at: toaster_cdb_datapos(state), count: toaster_cdb_datalen(state))
      records.append(CDBRecord(key: key, data: data))
    }
  }

  private func bytes(at position: UInt32, count: UInt32) throws -> [UInt8] {
    guard count > 0 else { return [] }
    guard let pointer = cdb_get(state, count, position) else {
      throw CDBError.malformed(path: path)
    }
    return Array(UnsafeRawBufferPointer(start: pointer, count: Int(count)))
  }
}
