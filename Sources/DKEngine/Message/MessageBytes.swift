/// The bytes of a message: an array, or read-only memory that an owner keeps alive, such as
/// a memory-mapped file.
///
/// Borrowed memory is never copied, so a 100 MB message costs no 100 MB array. Its owner may
/// also take a `release` hint: the engine calls it with ranges it has finished reading in one
/// pass, so a mapped file can give those pages back while a big body is hashed.
public struct MessageBytes: @unchecked Sendable {
  // @unchecked: borrowed memory is only read, and the owner (held here) keeps it valid
  // and unchanged for as long as any copy of this value exists.
  private enum Storage {
    case array([UInt8])
    case borrowed(UnsafeBufferPointer<UInt8>, owner: AnyObject, release: ((Range<Int>) -> Void)?)
  }

  private let storage: Storage

  /// Bytes held in an array.
  public init(_ bytes: [UInt8]) {
    storage = .array(bytes)
  }

  /// Bytes in memory that `owner` keeps valid and unchanged for as long as it lives.
  ///
  /// `release`, when given, is told about ranges the engine has read in one pass and may not
  /// need again soon; it must leave the bytes readable.
  public init(
    unsafeBorrowing buffer: UnsafeRawBufferPointer, owner: AnyObject,
    release: ((Range<Int>) -> Void)? = nil
  ) {
    storage = .borrowed(buffer.bindMemory(to: UInt8.self), owner: owner, release: release)
  }

  /// The number of bytes.
  public var count: Int {
    switch storage {
    case .array(let bytes): bytes.count
    case .borrowed(let buffer, _, _): buffer.count
    }
  }

  /// Calls `body` with the bytes; the pointer must not escape it.
  ///
  /// - Throws: what `body` throws.
  public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    switch storage {
    case .array(let bytes): return try bytes.withUnsafeBufferPointer(body)
    case .borrowed(let buffer, let owner, _):
      return try withExtendedLifetime(owner) { try body(buffer) }
    }
  }

  /// A copy of the bytes in `range` (for header fields, which are small).
  public subscript(range: Range<Int>) -> [UInt8] {
    withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// A copy of every byte (tests and small messages only).
  public var array: [UInt8] {
    if case .array(let bytes) = storage { return bytes }
    return self[0..<count]
  }

  /// The owner's release hint, when it takes one.
  var release: ((Range<Int>) -> Void)? {
    guard case .borrowed(_, _, let release) = storage else { return nil }
    return release
  }

  /// Calls `body` with consecutive pieces of at most `size` bytes of `range` (all bytes when
  /// nil), giving each back to the owner after use: for writing a big message out without
  /// holding it all in memory.
  ///
  /// - Throws: what `body` throws.
  public func forEachChunk(
    in range: Range<Int>? = nil, size: Int = MessageBytes.releaseChunk,
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows {
    try withUnsafeBufferPointer { buffer in
      let range = range ?? 0..<buffer.count
      var start = range.lowerBound
      while start < range.upperBound {
        let end = min(start + size, range.upperBound)
        try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        release?(start..<end)
        start = end
      }
    }
  }

  /// How many bytes a pass reads between release hints.
  public static let releaseChunk = 1 << 20
}
