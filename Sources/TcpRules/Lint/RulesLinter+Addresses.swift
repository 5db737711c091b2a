extension RulesLinter {
  /// Checks the address: dead duplicates, empty ranges, inert host and info rules, and keys
  /// tcpserver never looks up.
  mutating func checkAddress(_ line: RuleLine) {
    let address = line.rule.address
    if let range = line.scanned.range { checkRange(line, range) }
    let firstKey = checkShadowing(line)
    // The keys of a range differ only in a plain decimal number, so the first one tells.
    if let firstKey, let problem = Self.neverMatches(firstKey) {
      report(.warning, line.bytes, line.number, column: 1, problem.message, hint: problem.hint)
      return
    }
    guard options.hostAndInfoLookupsDisabled else { return }
    if address.bytes.contains(LineScanner.at) {
      report(
        .warning, line.bytes, line.number, column: 1,
        "info@ rule never matches: tcpserver -R (as QmailToaster runs it) sets no TCPREMOTEINFO")
    } else if address.bytes.first == LineScanner.equals {
      report(
        .warning, line.bytes, line.number, column: 1,
        "=host rule never matches: tcpserver -H (as QmailToaster runs it) sets no TCPREMOTEHOST")
    }
  }

  private mutating func checkRange(_ line: RuleLine, _ range: ScannedRange) {
    let column = range.lowerStart + 1
    if range.lower > range.upper {
      report(
        .warning, line.bytes, line.number, column: column,
        "range writes no record: its lower bound is above its upper bound (capped at 255)")
    } else if range.upperWasClamped {
      report(
        .note, line.bytes, line.number, column: column,
        "range upper bound is above 255; tcprules stops at 255")
    } else if line.bytes[range.upperEnd..<line.scanned.colon].contains(LineScanner.dash) {
      report(
        .warning, line.bytes, line.number, column: range.upperEnd + 1,
        "only the first range is expanded; the rest of the address is kept literally")
    }
  }

  /// Records the rule's keys, warns when earlier rules already own them; returns the first
  /// key (nil for a range that writes none).
  private mutating func checkShadowing(_ line: RuleLine) -> [UInt8]? {
    var keys: [LintKey] = []
    var firstKey: [UInt8]?
    line.bytes.withUnsafeBufferPointer { bytes in
      let address = UnsafeBufferPointer(rebasing: bytes[..<line.scanned.colon])
      guard let range = line.scanned.range else {
        firstKey = Array(address)
        keys.append(LintKey(UnsafeRawBufferPointer(address)))
        return
      }
      let buffer = ByteBuffer(capacity: address.count)
      RangeExpansion.forEachKey(of: range, in: address, into: buffer) { key in
        if firstKey == nil { firstKey = Array(key) }
        keys.append(LintKey(key))
      }
    }
    var winners: [Int] = []
    for key in keys {
      if let owner = keyOwners[key] {
        winners.append(owner)
      } else {
        keyOwners[key] = line.number
      }
    }
    reportShadowing(line, winners: winners, keyCount: keys.count)
    return firstKey
  }

  private mutating func reportShadowing(_ line: RuleLine, winners: [Int], keyCount: Int) {
    guard let first = winners.min() else { return }
    let address = line.rule.address.description
    let earlier = Set(winners).sorted().map(String.init).joined(separator: ", ")
    if winners.count == keyCount {
      let matched = address.isEmpty ? "the default" : address
      let message =
        earlier == String(first)
        ? "rule is never used: line \(first) already matches \(matched)"
        : "rule is never used: lines \(earlier) already match every address of \(matched)"
      report(
        .warning, line.bytes, line.number, column: 1, message,
        hint: "the first rule in the file wins; remove this line or merge it into line \(first)")
    } else {
      report(
        .note, line.bytes, line.number, column: 1,
        "\(winners.count) of the \(keyCount) addresses in this range are already matched by line \(first)"
      )
    }
  }

  /// Why tcpserver can never look `key` up, if so.
  ///
  /// tcpserver tries only `INFO@IP`, `INFO@=HOST`, `IP`, `=HOST`, IP prefixes ending in a
  /// dot, `=.suffix` host suffixes, `=` and the empty key, with host names lower-cased.
  static func neverMatches(_ key: [UInt8]) -> (message: String, hint: String?)? {
    if key.isEmpty { return nil }
    if key.first == 0x20 || key.first == 0x09 {
      let text = key.drop { $0 == 0x20 || $0 == 0x09 }
      if text.first == LineScanner.hash {
        return (
          "indented comment is read as a rule (it contains a colon)",
          "start comments with # in column 1"
        )
      }
      return ("address starts with a space and never matches", "remove the leading space")
    }
    if let at = key.firstIndex(of: LineScanner.at) {
      let rest = Array(key[(at + 1)...])
      if rest.first == LineScanner.equals { return hostProblem(rest, infoPrefix: true) }
      if let problem = ipProblem(rest) { return problem }
      if rest.last == LineScanner.dot || rest.isEmpty {
        return ("info@ with an IP prefix never matches: tcpserver only tries INFO@IP", nil)
      }
      return nil
    }
    if key.first == LineScanner.equals { return hostProblem(key, infoPrefix: false) }
    return ipProblem(key)
  }

  private static func hostProblem(_ key: [UInt8], infoPrefix: Bool) -> (
    message: String, hint: String?
  )? {
    if key.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
      return (
        "host name has upper-case letters and never matches",
        "tcpserver looks host names up in lower case"
      )
    }
    if infoPrefix, key.count > 1, key[1] == LineScanner.dot {
      return ("info@ with a host suffix never matches: tcpserver only tries INFO@=HOST", nil)
    }
    return nil
  }
}
