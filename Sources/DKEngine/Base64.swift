/// Base64 (RFC 4648) as DKIM and DomainKeys use it: FWS inside the text is ignored.
public enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
    for space in [0x20, 0x09, 0x0D, 0x0A] { table[space] = 0xFE }
    return table
  }()

  /// The base64 text of `bytes`, padded, on one line.
  public static func encode(_ bytes: some Collection<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var iterator = bytes.makeIterator()
    while let first = iterator.next() {
      let second = iterator.next()
      let third = iterator.next()
      let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
      output.append(alphabet[Int(group >> 18)])
      output.append(alphabet[Int(group >> 12 & 0x3F)])
      output.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(group >> 6 & 0x3F)])
      output.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(group & 0x3F)])
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The bytes encoded by `text`, or nil when it is not valid base64.
  ///
  /// SP, HTAB, CR and LF are skipped anywhere (RFC 6376 §3.5 allows FWS in b=, bh= and p=);
  /// padding is optional but nothing may follow it.
  public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(text.count / 4 * 3)
    var accumulator: UInt32 = 0
    var pending = 0
    var padding = 0
    for symbol in text {
      let value = decodeTable[Int(symbol)]
      if value == 0xFE { continue }
      if symbol == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      guard value != 0xFF, padding == 0 else { return nil }
      accumulator = accumulator << 6 | UInt32(value)
      pending += 1
      if pending == 4 {
        output.append(UInt8(accumulator >> 16 & 0xFF))
        output.append(UInt8(accumulator >> 8 & 0xFF))
        output.append(UInt8(accumulator & 0xFF))
        accumulator = 0
        pending = 0
      }
    }
    switch pending {
    case 0: guard padding == 0 else { return nil }
    case 2:
      guard padding == 0 || padding == 2 else { return nil }
      output.append(UInt8(accumulator >> 4 & 0xFF))
    case 3:
      guard padding <= 1 else { return nil }
      output.append(UInt8(accumulator >> 10 & 0xFF))
      output.append(UInt8(accumulator >> 2 & 0xFF))
    default: return nil
    }
    return output
  }

  /// The bytes encoded by `text`, or nil when it is not valid base64.
  public static func decode(_ text: String) -> [UInt8]? { decode(Array(text.utf8)) }
}
