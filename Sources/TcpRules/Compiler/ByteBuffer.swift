/// A growable byte buffer that the streaming compiler reuses for every key and data field.
///
/// Unlike `[UInt8]`, appending does no uniqueness check and no reference counting, which
/// matters at a million records per second.
final class ByteBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The number of bytes in use.
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The bytes in use, valid until the next change.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

  /// Empties the buffer, keeping its memory.
  @inline(__always) func removeAll() { count = 0 }

  /// Cuts the buffer back to its first `newCount` bytes.
  @inline(__always) func truncate(to newCount: Int) { count = newCount }

  /// Appends one byte.
  @inline(__always) func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    storage[count] = byte
    count += 1
  }

  /// Appends `bytes`.
  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    (storage + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }
}
