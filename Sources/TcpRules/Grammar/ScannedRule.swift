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
