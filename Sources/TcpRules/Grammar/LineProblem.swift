import ToasterSupport

/// Why tcprules rejects a line, and where.
struct LineProblem: Error, Equatable {
  /// What went wrong; the cases carry offsets so messages can quote the line.
  enum Reason: Equatable {
    /// The text after the colon starts with neither `allow` nor `deny`.
    case instruction
    /// A byte other than `,` follows `allow` or `deny`.
    case afterInstruction
    /// A byte other than `,` follows the closing quote of the named setting.
    case afterQuote(name: Range<Int>)
    /// A `,` with no `=` anywhere after it.
    case noEquals
    /// A setting whose `=` ends the line.
    case noQuote(name: Range<Int>)
    /// A value whose quote byte never appears again.
    case unclosedQuote(name: Range<Int>)
    /// A range bound that is not all decimal digits.
    case rangeBound(Range<Int>)
  }

  /// The 0-based offset of the offending byte in the line.
  var offset: Int
  /// What went wrong.
  var reason: Reason

  /// The located diagnostic for this problem on `line`, line number `number` of `path`.
  func diagnostic(line: UnsafeBufferPointer<UInt8>, number: Int, path: String) -> Diagnostic {
    let text = LineProblemText(line: line, problem: self)
    return Diagnostic(
      location: SourceLocation(path: path, line: number, column: offset + 1),
      severity: .error, message: text.message, hint: text.hint, sourceLine: Array(line))
  }
}
