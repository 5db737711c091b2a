/// A cdb key as the linter's duplicate table stores it: keys of up to 15 bytes (every IPv4
/// address and prefix) packed into integers, so a 200,000-rule file hashes quickly without
/// an allocation per key.
enum LintKey: Hashable {
  case short(UInt64, UInt64)
  case long([UInt8])

  init(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count <= 15 else {
      self = .long(Array(bytes))
      return
    }
    // The length goes in the top byte, so keys that differ only by trailing NULs differ.
    var words: (UInt64, UInt64) = (0, UInt64(bytes.count) << 56)
    for (index, byte) in bytes.enumerated() {
      if index < 8 {
        words.0 |= UInt64(byte) << (8 * UInt64(index))
      } else {
        words.1 |= UInt64(byte) << (8 * UInt64(index - 8))
      }
    }
    self = .short(words.0, words.1)
  }
}
