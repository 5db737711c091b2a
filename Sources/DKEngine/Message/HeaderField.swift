/// One header field of a message: where it lies in the message bytes and its name.
public struct HeaderField: Sendable, Hashable {
  /// The field's bytes in the message, continuation lines included, final line end excluded.
  public let range: Range<Int>
  /// The index of the first colon, or nil for a line that has none.
  public let colon: Int?
  /// The field name, lower-cased, with whitespace before the colon removed.
  public let lowercasedName: String
  /// Whether the colon follows the name directly (libdomainkeys only recognises such fields).
  public let colonFollowsName: Bool

  /// The range of the value: everything after the colon (empty when there is no colon).
  public var valueRange: Range<Int> {
    guard let colon else { return range.upperBound..<range.upperBound }
    return (colon + 1)..<range.upperBound
  }

  init(range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
    self.range = range
    var colon: Int? = nil
    for index in range where bytes[index] == UInt8(ascii: ":") {
      colon = index
      break
    }
    self.colon = colon
    var nameEnd = colon ?? range.upperBound
    let exactEnd = nameEnd
    while nameEnd > range.lowerBound, bytes[nameEnd - 1].isWSP { nameEnd -= 1 }
    colonFollowsName = colon != nil && nameEnd == exactEnd
    var name: [UInt8] = []
    name.reserveCapacity(nameEnd - range.lowerBound)
    for index in range.lowerBound..<nameEnd { name.append(bytes[index].asciiLowercased) }
    lowercasedName = String(decoding: name, as: UTF8.self)
  }
}

extension UInt8 {
  /// Whether the byte is SP or HTAB (RFC 5234 WSP).
  @inline(__always) var isWSP: Bool { self == 0x20 || self == 0x09 }

  /// The byte with A–Z mapped to a–z.
  @inline(__always) var asciiLowercased: UInt8 {
    self >= 0x41 && self <= 0x5A ? self | 0x20 : self
  }
}
