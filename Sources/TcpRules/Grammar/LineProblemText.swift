import ToasterSupport

/// The message and hint for a rejected line, worded for an admin who knows tcprules.
struct LineProblemText {
  /// A lowercase phrase naming the problem.
  let message: String
  /// The likely fix.
  let hint: String?

  init(line: UnsafeBufferPointer<UInt8>, problem: LineProblem) {
    let offset = problem.offset
    switch problem.reason {
    case .instruction:
      message = "expected allow or deny after the first colon"
      hint = Self.instructionHint(line, at: offset)
    case .afterInstruction:
      message = "unexpected \(Self.describe(line, at: offset)) after the instruction"
      hint = Self.junkHint(line, at: offset)
    case .afterQuote(let nameRange):
      let name = Self.text(line, nameRange)
      message = "unexpected \(Self.describe(line, at: offset)) after the value of \(name)"
      // A backslash before the closing quote means the author expected an escape.
      let valueStart = nameRange.upperBound + 2
      hint =
        offset - 2 >= valueStart && line[offset - 2] == UInt8(ascii: "\\")
        ? Self.noEscapesHint(name) : Self.junkHint(line, at: offset)
    case .noEquals:
      message = "setting has no ="
      hint =
        offset + 1 == Self.contentEnd(line)
        ? "remove the trailing comma" : "write settings as ,NAME=\"value\""
    case .noQuote(let name):
      message = "setting \(Self.text(line, name)) has no value"
      hint = "quote the value: \(Self.text(line, name))=\"\""
    case .unclosedQuote(let name):
      message = "value of \(Self.text(line, name)) has no closing \(Self.quoted(line[offset]))"
      hint = Self.unclosedHint(line, quoteAt: offset, name: Self.text(line, name))
    case .rangeBound(let bound):
      message = "range bound \(Self.quotedText(line, bound)) is not a decimal number"
      hint = Self.rangeHint(line, bound: bound)
    }
  }

  private static let dosHint =
    "lines end in CR: the file has DOS line endings; convert with dos2unix"

  private static func endsInCR(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let end = contentEnd(line)
    return end > 0 && line[end - 1] == 0x0D
  }

  private static func instructionHint(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> String
  {
    let rest = Array(line[offset..<contentEnd(line)])
    let lowered = rest.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    if rest == [0x0D] { return dosHint }
    if lowered.starts(with: "allow".utf8) || lowered.starts(with: "deny".utf8) {
      return "allow and deny are lower case"
    }
    if line.first(where: { $0 != 0x20 && $0 != 0x09 }) == LineScanner.hash {
      return "comments must start with # in column 1; this line is read as a rule"
    }
    if rest.first == 0x20 || rest.first == 0x09 { return "remove the space after the colon" }
    if rest.contains(LineScanner.colon) {
      return "tcprules has no IPv6: an address ends at the first colon"
    }
    if rest.isEmpty { return "add allow or deny after the colon" }
    let word = Array(rest.prefix { $0 != LineScanner.comma })
    for keyword in ["allow", "deny"] where editDistance(word, Array(keyword.utf8)) <= 2 {
      return "did you mean \(keyword)?"
    }
    return "a rule is ADDRESS:allow or ADDRESS:deny, optionally followed by ,NAME=\"value\""
  }

  /// The Levenshtein distance between two short words, to suggest a misspelt keyword.
  private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }

  private static func junkHint(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
    let end = contentEnd(line)
    if line[offset] == 0x0D {
      return offset == end - 1
        ? dosHint : "a carriage return inside a line: the file has old Mac (CR) line endings"
    }
    var next = offset
    while next < end, line[next] == 0x20 || line[next] == 0x09 { next += 1 }
    if next < end, line[next] == LineScanner.hash {
      return "tcprules does not allow comments after a rule; put the comment on its own line"
    }
    if next > offset, next < end, line[next] == LineScanner.comma {
      return "remove the space before the comma"
    }
    return "settings are written ,NAME=\"value\" with nothing between them"
  }

  private static func unclosedHint(
    _ line: UnsafeBufferPointer<UInt8>, quoteAt: Int, name: String
  ) -> String {
    let quote = line[quoteAt]
    let isAlphanumeric =
      (quote >= 0x30 && quote <= 0x39) || (quote >= 0x41 && quote <= 0x5A)
      || (quote >= 0x61 && quote <= 0x7A)
    if isAlphanumeric || quote == 0x2F {
      return "quote the value: \(name)=\"value\" (the byte after = is the quote)"
    }
    if quote == 0x20 || quote == 0x09 {
      return "tcprules strips trailing space and tab, so this value lost its closing quote"
    }
    if endsInCR(line) { return dosHint }
    return noEscapesHint(name)
  }

  private static func noEscapesHint(_ name: String) -> String {
    "tcprules has no escapes: quote with a byte the value does not contain, e.g. \(name)='...'"
  }

  private static func rangeHint(_ line: UnsafeBufferPointer<UInt8>, bound: Range<Int>) -> String {
    let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    // Two letters in a row look like a host name rather than a mistyped number.
    let address = line[
      ..<(LineScanner.firstIndex(of: LineScanner.colon, in: line, from: 0, to: line.count)
        ?? line.count)]
    if zip(address, address.dropFirst()).contains(where: { isLetter($0) && isLetter($1) }) {
      return "write host names with a leading =, e.g. =mail-1.example.com"
    }
    return "a range is written like 1.2.3.4-7 (one dash, decimal bounds)"
  }

  static func contentEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var end = line.count
    while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    return end
  }

  private static func describe(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
    switch line[offset] {
    case 0x0D: return "carriage return"
    case 0x20: return "space"
    case 0x09: return "tab"
    default: return quoted(line[offset])
    }
  }

  private static func quoted(_ byte: UInt8) -> String {
    "'" + Diagnostic.displayable([byte]) + "'"
  }

  private static func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    range.isEmpty ? "(empty name)" : Diagnostic.displayable(line[range])
  }

  private static func quotedText(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String
  {
    "'" + Diagnostic.displayable(line[range]) + "'"
  }
}
