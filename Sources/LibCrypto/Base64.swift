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
    var sextets: [UInt8] = []
    var padding = 0
    for byte in text.utf8 {
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A: continue
      case UInt8(ascii: "="): padding += 1
      default:
        let value = values[Int(byte)]
        guard value != 0xFF, padding == 0 else { return nil }
        sextets.append(value)
      }
    }
    guard (sextets.count + padding) % 4 == 0, padding <= 2, sextets.count % 4 != 1 else {
      return nil
    }
    var output: [UInt8] = []
    output.reserveCapacity(sextets.count * 3 / 4)
    var index = 0
    while index < sextets.count {
      let quad = sextets[index..<min(index + 4, sextets.count)]
      let s = Array(quad) + [UInt8](repeating: 0, count: 4 - quad.count)
      output.append(s[0] << 2 | s[1] >> 4)
      if quad.count > 2 { output.append(s[1] << 4 | s[2] >> 2) }
      if quad.count > 3 { output.append(s[2] << 6 | s[3]) }
      index += 4
    }
    return output
  }
}
