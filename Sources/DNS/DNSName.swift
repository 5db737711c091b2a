/// Domain names in wire form, for rdata (CNAME targets) and reply sizes.
enum DNSName {
  /// The wire length of `name`: each label plus its length byte, plus the root's zero byte.
  static func wireLength(_ name: String) -> Int {
    let labels = name.split(separator: ".", omittingEmptySubsequences: true)
    return labels.reduce(1) { $0 + 1 + $1.utf8.count }
  }

  /// Decodes an uncompressed wire-form name (libunbound hands rdata uncompressed), or nil
  /// when it is malformed.
  static func decode(_ bytes: [UInt8]) -> String? {
    var labels: [String] = []
    var index = 0
    while index < bytes.count {
      let length = Int(bytes[index])
      if length == 0 { return labels.isEmpty ? "." : labels.joined(separator: ".") }
      guard length < 64, index + 1 + length <= bytes.count else { return nil }
      labels.append(String(decoding: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self))
      index += 1 + length
    }
    return nil
  }

  /// The character-strings of TXT rdata (`<length><bytes>` repeated), or nil when a length
  /// runs past the end.
  static func characterStrings(_ rdata: [UInt8]) -> [[UInt8]]? {
    var strings: [[UInt8]] = []
    var index = 0
    while index < rdata.count {
      let length = Int(rdata[index])
      guard index + 1 + length <= rdata.count else { return nil }
      strings.append(Array(rdata[(index + 1)..<(index + 1 + length)]))
      index += 1 + length
    }
    return strings
  }

  /// `name` without a trailing dot, lower-cased, for comparisons.
  static func normalized(_ name: String) -> String {
    var text = name.lowercased()
    while text.hasSuffix(".") && text.count > 1 { text.removeLast() }
    return text
  }
}
