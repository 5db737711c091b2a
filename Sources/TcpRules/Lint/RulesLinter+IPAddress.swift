extension RulesLinter {
  /// Why an IPv4 key (address or prefix) is never looked up, if so.
  static func ipProblem(_ key: [UInt8]) -> (message: String, hint: String?)? {
    let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
    guard key.allSatisfy({ isDigit($0) || $0 == LineScanner.dot }) else {
      if key.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
        return ("host name without = never matches", "write host names as =name or =.suffix")
      }
      return ("address is neither an IPv4 address nor a prefix and never matches", nil)
    }
    let isPrefix = key.last == LineScanner.dot
    let parts = (isPrefix ? key.dropLast() : key[...]).split(
      separator: LineScanner.dot, omittingEmptySubsequences: false)
    for part in parts {
      if part.isEmpty { return ("address has an empty number and never matches", nil) }
      if part.count > 1, part.first == 0x30 {
        return (
          "leading zero: tcpserver writes 04 as 4, so this never matches", "drop the leading zero"
        )
      }
      if part.count > 3 || part.reduce(0, { $0 * 10 + Int($1 - 0x30) }) > 255 {
        return ("number above 255 never matches an IPv4 address", nil)
      }
    }
    if isPrefix, parts.count >= 4 {
      return ("trailing dot after four numbers never matches", "remove the final dot")
    }
    if !isPrefix, parts.count < 4 {
      let text = String(decoding: key, as: UTF8.self)
      return ("prefix without its final dot never matches", "write \(text). to match \(text).*")
    }
    if parts.count > 4 { return ("more than four numbers never match an IPv4 address", nil) }
    return nil
  }
}
