/// One line of `tcp.smtp`, kept byte for byte.
public struct RulesLine: Equatable, Hashable, Sendable {
  /// What tcprules makes of a line.
  public enum Kind: Equatable, Hashable, Sendable {
    /// A line starting with `#` in column 1.
    case comment
    /// An empty line.
    case blank
    /// A line tcprules skips silently: no colon after trailing space and tab are stripped
    /// (prose, a CR-only line, an indented comment without a colon).
    case ignored
    /// A rule.
    case rule(Rule)
  }

  /// The 1-based line number in the file it was parsed from.
  public let number: Int
  /// The raw bytes of the line, without its LF.
  public let bytes: [UInt8]
  /// Whether the line ended with LF (only the last line of a file may not).
  public let hasNewline: Bool
  /// What the line is.
  public let kind: Kind

  init(number: Int, bytes: [UInt8], hasNewline: Bool, kind: Kind) {
    self.number = number
    self.bytes = bytes
    self.hasNewline = hasNewline
    self.kind = kind
  }

  /// The rule on this line, if it is one.
  public var rule: Rule? {
    if case .rule(let rule) = kind { return rule }
    return nil
  }

  /// The space and tab after the rule text that tcprules strips (kept when editing).
  var trailingWhitespace: ArraySlice<UInt8> {
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return bytes[end...]
  }

  /// This line with its rule replaced, re-rendered with the same trailing whitespace.
  func replacingRule(with rule: Rule) -> RulesLine {
    RulesLine(
      number: number, bytes: rule.rendered + trailingWhitespace, hasNewline: hasNewline,
      kind: .rule(rule))
  }
}
