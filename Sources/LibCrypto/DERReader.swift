/// A strict reader of DER (X.690 §10) for the few fixed key structures this layer parses
/// itself: definite minimal lengths, minimal integers.
///
/// It answers nil for anything else, never throws, and callers hand such input to OpenSSL's
/// own decoders, so its strictness decides only which path a key takes, not whether it loads.
struct DERReader {
  private var bytes: ArraySlice<UInt8>

  /// A reader over `bytes`, positioned at the first element.
  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool { bytes.isEmpty }

  /// The contents of the next element if its tag is `tag`; nothing is consumed otherwise.
  mutating func read(tag: UInt8) -> ArraySlice<UInt8>? {
    var rest = bytes
    guard rest.popFirst() == tag, let length = Self.readLength(&rest), rest.count >= length
    else { return nil }
    let contents = rest.prefix(length)
    bytes = rest.dropFirst(length)
    return contents
  }

  /// The next element, which must be exactly `expected` (tag, length and contents).
  mutating func read(exactly expected: [UInt8]) -> Bool {
    guard bytes.starts(with: expected) else { return false }
    bytes = bytes.dropFirst(expected.count)
    return true
  }

  /// The big-endian magnitude of the next INTEGER, which must be positive, without the
  /// leading zero byte DER puts before a high bit.
  mutating func readPositiveInteger() -> ArraySlice<UInt8>? {
    var rest = self
    guard var contents = rest.read(tag: 0x02), let first = contents.first, first < 0x80 else {
      return nil
    }
    if first == 0 {
      // A leading zero is allowed only to clear the sign bit of the next byte (§8.3.2).
      guard contents.count > 1, contents[contents.startIndex + 1] >= 0x80 else { return nil }
      contents = contents.dropFirst()
    }
    self = rest
    return contents
  }

  // A definite length in its minimal form (§10.1); at most four length bytes.
  private static func readLength(_ rest: inout ArraySlice<UInt8>) -> Int? {
    guard let first = rest.popFirst() else { return nil }
    guard first >= 0x80 else { return Int(first) }
    let count = Int(first & 0x7F)
    guard (1...4).contains(count), rest.count >= count, let lead = rest.first, lead != 0 else {
      return nil
    }
    let length = rest.prefix(count).reduce(0) { $0 << 8 | Int($1) }
    rest = rest.dropFirst(count)
    return length >= 0x80 ? length : nil
  }
}
