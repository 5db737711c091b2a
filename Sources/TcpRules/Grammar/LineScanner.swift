/// The one implementation of tcprules' (ucspi-tcp 0.88) per-line grammar and range syntax.
///
/// Both `RulesFile.parse` and `RulesCompiler` call it, so the lossless model and the fast
/// compiler cannot disagree about what a line means.
enum LineScanner {
  static let newline = UInt8(ascii: "\n")
  static let colon = UInt8(ascii: ":")
  static let comma = UInt8(ascii: ",")
  static let equals = UInt8(ascii: "=")
  static let dot = UInt8(ascii: ".")
  static let dash = UInt8(ascii: "-")
  static let at = UInt8(ascii: "@")
  static let hash = UInt8(ascii: "#")

  /// Calls `body` with each line of `bytes` (split at LF only, as tcprules does), its
  /// 1-based number and whether it ended with LF.
  static func forEachLine(
    in bytes: UnsafeBufferPointer<UInt8>,
    _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ hasNewline: Bool) -> Void
  ) {
    var start = 0
    var number = 0
    while start < bytes.count {
      number += 1
      let newline = firstIndex(of: Self.newline, in: bytes, from: start, to: bytes.count)
      let end = newline ?? bytes.count
      body(UnsafeBufferPointer(rebasing: bytes[start..<end]), number, newline != nil)
      start = end + 1
    }
  }

  /// Classifies `line` (without its LF), appending each setting of a rule to `assignments`.
  static func scan(
    _ line: UnsafeBufferPointer<UInt8>, assignments: inout [ScannedAssignment]
  ) -> LineScan {
    if line.isEmpty { return .blank }
    if line[0] == hash { return .comment }
    // tcprules strips trailing LF, space and tab, but not CR, so a CRLF rule line is an error.
    var end = line.count
    while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    guard let colon = firstIndex(of: Self.colon, in: line, from: 0, to: end) else {
      return .ignored
    }
    var position = colon + 1
    let instruction: Instruction
    // deny is checked before allow, as in tcprules.c.
    if hasPrefix("deny", line, at: position, end: end) {
      instruction = .deny
      position += 4
    } else if hasPrefix("allow", line, at: position, end: end) {
      instruction = .allow
      position += 5
    } else {
      return .invalid(LineProblem(offset: position, reason: .instruction))
    }
    if let problem = scanAssignments(line, from: position, end: end, into: &assignments) {
      return .invalid(problem)
    }
    switch scanRange(line, addressEnd: colon) {
    case .success(let range):
      return .rule(
        ScannedRule(contentEnd: end, colon: colon, instruction: instruction, range: range))
    case .failure(let problem):
      return .invalid(problem)
    }
  }

  private static func scanAssignments(
    _ line: UnsafeBufferPointer<UInt8>, from start: Int, end: Int,
    into assignments: inout [ScannedAssignment]
  ) -> LineProblem? {
    var position = start
    var previous: Range<Int>?
    while position < end {
      guard line[position] == comma else {
        let reason: LineProblem.Reason =
          previous.map { .afterQuote(name: $0) } ?? .afterInstruction
        return LineProblem(offset: position, reason: reason)
      }
      guard let equalsAt = firstIndex(of: equals, in: line, from: position + 1, to: end) else {
        return LineProblem(offset: position, reason: .noEquals)
      }
      let name = (position + 1)..<equalsAt
      let quoteAt = equalsAt + 1
      guard quoteAt < end else {
        return LineProblem(offset: quoteAt, reason: .noQuote(name: name))
      }
      guard
        let closing = firstIndex(of: line[quoteAt], in: line, from: quoteAt + 1, to: end)
      else {
        return LineProblem(offset: quoteAt, reason: .unclosedQuote(name: name))
      }
      assignments.append(
        ScannedAssignment(comma: position, equals: equalsAt, closingQuote: closing))
      previous = name
      position = closing + 1
    }
    return nil
  }

  /// Finds the range in an address, if any (tcprules: only without `=` and `@`, first dash).
  static func scanRange(
    _ line: UnsafeBufferPointer<UInt8>, addressEnd: Int
  ) -> Result<ScannedRange?, LineProblem> {
    var dashAt: Int?
    for index in 0..<addressEnd {
      let byte = line[index]
      if byte == equals || byte == at { return .success(nil) }
      if byte == dash, dashAt == nil { dashAt = index }
    }
    guard let dashAt else { return .success(nil) }
    var lowerStart = dashAt
    while lowerStart > 0, line[lowerStart - 1] != dot { lowerStart -= 1 }
    let upperEnd = firstIndex(of: dot, in: line, from: dashAt + 1, to: addressEnd) ?? addressEnd
    guard let lower = number(line, lowerStart..<dashAt) else {
      return .failure(LineProblem(offset: lowerStart, reason: .rangeBound(lowerStart..<dashAt)))
    }
    guard let upper = number(line, (dashAt + 1)..<upperEnd) else {
      let bound = (dashAt + 1)..<upperEnd
      return .failure(LineProblem(offset: dashAt + 1, reason: .rangeBound(bound)))
    }
    return .success(
      ScannedRange(
        lowerStart: lowerStart, upperEnd: upperEnd, lower: lower, upper: min(upper, 255),
        upperWasClamped: upper > 255))
  }

  /// Reads decimal digits as tcprules' `getnum` does: empty is 0, overflow wraps.
  private static func number(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
    var value: UInt64 = 0
    for index in range {
      let digit = line[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value &* 10 &+ UInt64(digit)
    }
    return value
  }

  /// The first index of `byte` in `line[from..<to]`.
  @inline(__always)
  static func firstIndex(
    of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, from: Int, to: Int
  ) -> Int? {
    var index = from
    while index < to {
      if line[index] == byte { return index }
      index += 1
    }
    return nil
  }

  private static func hasPrefix(
    _ keyword: StaticString, _ line: UnsafeBufferPointer<UInt8>, at position: Int, end: Int
  ) -> Bool {
    let count = keyword.utf8CodeUnitCount
    guard end - position >= count else { return false }
    let bytes = keyword.utf8Start
    for offset in 0..<count where line[position + offset] != bytes[offset] { return false }
    return true
  }
}
