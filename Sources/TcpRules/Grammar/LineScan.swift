/// What the shared line grammar found on one line, as offsets into that line.
///
/// Offsets count from the first byte of the line (the byte after the previous LF), so the
/// lossless parser and the streaming compiler can both use them without copying.
enum LineScan {
  /// A `#` in column 1.
  case comment
  /// An empty line.
  case blank
  /// A line tcprules skips silently: no `:` once trailing space and tab are stripped.
  case ignored
  /// A rule; its settings were appended to the caller's assignment list.
  case rule(ScannedRule)
  /// A line tcprules rejects.
  case invalid(LineProblem)
}

/// The offsets of one rule line.
struct ScannedRule {
  /// The end of the line once trailing space and tab are stripped.
  var contentEnd: Int
  /// The first `:`; the address is everything before it.
  var colon: Int
  /// Whether the keyword was `allow` or `deny`.
  var instruction: Instruction
  /// The range in the address, when it expands to several keys.
  var range: ScannedRange?
}

/// A numeric range in an address, such as `1.2.3.4-7` (spec §3).
struct ScannedRange: Equatable {
  /// The first byte of the lower bound (after the last `.` before the dash).
  var lowerStart: Int
  /// The byte after the upper bound: the next `.` after the dash, or the address end.
  var upperEnd: Int
  /// The lower bound, read as tcprules does (64-bit, wrapping).
  var lower: UInt64
  /// The upper bound after clamping to 255.
  var upper: UInt64
  /// Whether the upper bound as written was above 255.
  var upperWasClamped: Bool
}

/// One `,NAME=qVALUEq` setting of a rule line.
struct ScannedAssignment: Equatable {
  /// The `,` that introduces the setting.
  var comma: Int
  /// The first `=` after the comma; the name lies between the two.
  var equals: Int
  /// The closing quote; the value lies between the opening quote (`equals + 1`) and it.
  var closingQuote: Int

  /// The offsets of the name.
  var name: Range<Int> { (comma + 1)..<equals }
  /// The offset of the quote byte.
  var quote: Int { equals + 1 }
  /// The offsets of the value.
  var value: Range<Int> { (equals + 2)..<closingQuote }
}
