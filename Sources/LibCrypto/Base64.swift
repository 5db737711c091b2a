/// Standard base64 (RFC 4648 §4, with padding), the encoding of PEM bodies and of DKIM's
/// `p=` and `b=` values.
public enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  /// Encodes `bytes` as padded base64 on one line.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      let b0 = chunk[chunk.startIndex]
      let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
      let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
      output.append(alphabet[Int(b0 >> 2)])
      output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      output.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      output.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes base64, skipping whitespace (DKIM allows folding inside `p=` and `b=`).
  ///
  /// - Returns: nil for a character outside the alphabet, misplaced padding, or a length
  ///   that is not a whole number of quads.
  public static func decode(_ text: some StringProtocol) -> [UInt8]? {
    // A concrete String's contiguous UTF-8: iterating a generic StringProtocol's view byte by
    // byte through witness tables costs more than the decoding itself.
    var string = String(text)
    return string.withUTF8 { decode(bytes: $0) }
  }

  private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 4 * 3 + 3)
    var bits: UInt32 = 0
    var sextets = 0
    var padding = 0
    for byte in bytes {
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A: continue
      case UInt8(ascii: "="): padding += 1
      default:
        let value = values[Int(byte)]
        guard value != 0xFF, padding == 0 else { return nil }
        bits = bits << 6 | UInt32(value)
        sextets += 1
        if sextets % 4 == 0 {
          output.append(UInt8(truncatingIfNeeded: bits >> 16))
          output.append(UInt8(truncatingIfNeeded: bits >> 8))
          output.append(UInt8(truncatingIfNeeded: bits))
          bits = 0
        }
      }
    }
    guard (sextets + padding) % 4 == 0, padding <= 2, sextets % 4 != 1 else { return nil }
    // A final quad of 2 or 3 sextets holds 12 or 18 bits: 1 or 2 whole bytes.
    switch sextets % 4 {
    case 2:
      output.append(UInt8(truncatingIfNeeded: bits >> 4))
    case 3:
      output.append(UInt8(truncatingIfNeeded: bits >> 10))
      output.append(UInt8(truncatingIfNeeded: bits >> 2))
    default:
      break
    }
    return output
  }
}
