/// Turns a scanned range into keys, for both the model and the streaming compiler.
enum RangeExpansion {
  /// Calls `body` with every key of `range` in `address`, built in `key` (reused).
  ///
  /// A key is the text before the lower bound, the number in plain decimal (leading zeros
  /// dropped), then the text from the upper bound's end, as tcprules' `fmt_ulong` writes it.
  static func forEachKey(
    of range: ScannedRange, in address: UnsafeBufferPointer<UInt8>, into key: ByteBuffer,
    _ body: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    key.removeAll()
    key.append(UnsafeBufferPointer(rebasing: address[..<range.lowerStart]))
    let prefixCount = key.count
    let suffix = UnsafeBufferPointer(rebasing: address[range.upperEnd...])
    var number = range.lower
    // upper is clamped to 255, so the loop ends and number never overflows.
    while number <= range.upper {
      key.truncate(to: prefixCount)
      appendDecimal(number, to: key)
      key.append(suffix)
      try body(key.bytes)
      number += 1
    }
  }

  /// Whether `key` is one of the keys of `range`.
  static func contains(key: [UInt8], range: ScannedRange, in address: [UInt8]) -> Bool {
    let prefix = address[..<range.lowerStart]
    let suffix = address[range.upperEnd...]
    guard key.count > prefix.count + suffix.count, key.starts(with: prefix),
      key.reversed().starts(with: suffix.reversed())
    else { return false }
    let digits = key[prefix.count..<(key.count - suffix.count)]
    guard digits.count <= 3, digits.first != UInt8(ascii: "0") || digits.count == 1 else {
      return false
    }
    var number: UInt64 = 0
    for digit in digits {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return false }
      number = number * 10 + UInt64(digit - UInt8(ascii: "0"))
    }
    return number >= range.lower && number <= range.upper
  }

  /// Appends `number` (at most 255, the clamped upper bound) in decimal without leading zeros.
  @inline(__always)
  static func appendDecimal(_ number: UInt64, to bytes: ByteBuffer) {
    if number >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(number / 100)) }
    if number >= 10 { bytes.append(UInt8(ascii: "0") + UInt8(number / 10 % 10)) }
    bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
  }
}
