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
