#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file in memory, read-only: mapped when it is a big regular file, read otherwise
/// (a small or empty file, standard input from a pipe).
///
/// Mapping lets a 100 MB message be hashed without a 100 MB array, and `release(_:)` lets
/// pages already read leave the process's memory: they stay in the page cache and come back
/// on the next access. The bytes must not change while mapped; mail files are written once
/// and then renamed into place, so a message is not rewritten under a reader.
public final class MappedFile: @unchecked Sendable {
  // @unchecked: the memory is read-only, never changes after init and is freed only in
  // deinit, when no one can read it any more.
  private enum Storage {
    case mapped
    case allocated
  }

  /// Input that cannot be mapped (a pipe, a device, standard input) and grows past its
  /// limit: read whole, it could take all memory (`/dev/zero` never ends).
  public struct TooLarge: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input, as named in messages.
    public let path: String
    /// The limit, in bytes.
    public let limit: Int

    public var description: String {
      "unable to read \(path): more than \(limit) bytes, the limit for input that is not a"
        + " regular file"
    }
  }

  /// The default size limit for input that is not a regular file: 64 MiB.
  public static let defaultLimit = 64 << 20

  /// Files at least this big are mapped; smaller ones are read, which costs less than
  /// setting up and tearing down a mapping (a batch of small messages stays as fast).
  public static let mappingThreshold = 1 << 20

  /// The file's bytes, valid as long as this object lives.
  public let bytes: UnsafeRawBufferPointer
  private let storage: Storage

  /// Maps or reads the file at `path`.
  ///
  /// What is not a regular file may be at most `limit` bytes long.
  ///
  /// - Throws: `SystemError` when it cannot be opened, mapped or read, `TooLarge` past the
  ///   limit.
  public convenience init(path: String, limit: Int = defaultLimit) throws {
    let fd = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { throw SystemError.fromErrno("open", path: path, access: .reading) }
    defer { close(fd) }
    try self.init(descriptor: fd, path: path, limit: limit)
  }

  /// Maps or reads the open descriptor `fd`, leaving it open.
  ///
  /// `path` names it in errors. What is not a regular file may be at most `limit` bytes long.
  ///
  /// - Throws: `SystemError` when it cannot be mapped or read, `TooLarge` past the limit.
  public init(descriptor fd: Int32, path: String, limit: Int = defaultLimit) throws {
    var info = stat()
    let regular = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    // A descriptor read part-way (standard input) is read on from where it is.
    if regular, info.st_size >= Self.mappingThreshold, lseek(fd, 0, SEEK_CUR) == 0 {
      let length = Int(info.st_size)
      let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
      guard let base, base != MAP_FAILED else {
        throw SystemError.fromErrno("map", path: path, access: .reading)
      }
      bytes = UnsafeRawBufferPointer(start: base, count: length)
      storage = .mapped
    } else {
      // One more byte than the size, so the read that sees end of file needs no realloc.
      // A regular file's size is known; anything else is read up to the limit only.
      bytes = try Self.readAll(
        fd, path: path, capacity: regular ? Int(info.st_size) + 1 : 1 << 16,
        limit: regular ? Int.max : limit)
      storage = .allocated
    }
  }

  deinit {
    switch storage {
    case .mapped: munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    case .allocated: free(UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    }
  }

  /// Hints that `range` has been read and is not needed soon: its whole pages leave this
  /// process's memory (a mapped file only; the bytes stay readable).
  public func release(_ range: Range<Int>) {
    guard case .mapped = storage, let base = bytes.baseAddress else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    // Passes read forward, so the page where `range` starts was finished with it.
    let start = range.lowerBound / page * page
    let end = range.upperBound == bytes.count ? range.upperBound : range.upperBound / page * page
    guard start < end else { return }
    // MADV_DONTNEED on a private read-only file mapping drops the pages; the next access
    // reads them back from the page cache, so nothing is lost.
    madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
  }

  // Reads to end of file into one malloc block grown by realloc, which moves big blocks
  // by remapping pages rather than copying them.
  private static func readAll(_ fd: Int32, path: String, capacity: Int, limit: Int) throws
    -> UnsafeRawBufferPointer
  {
    var capacity = capacity
    var used = 0
    var base = malloc(capacity)
    while true {
      if used == capacity, let grown = realloc(base, capacity * 2) {
        (base, capacity) = (grown, capacity * 2)
      }
      guard let block = base, used < capacity else {
        free(base)
        throw SystemError(operation: "read", path: path, code: ENOMEM, access: .reading)
      }
      let count = retryingOnInterrupt { read(fd, block + used, capacity - used) }
      if count < 0 {
        free(block)
        throw SystemError.fromErrno("read", path: path, access: .reading)
      }
      if count == 0 { return UnsafeRawBufferPointer(start: block, count: used) }
      used += count
      if used > limit {
        free(block)
        throw TooLarge(path: path, limit: limit)
      }
    }
  }
}
