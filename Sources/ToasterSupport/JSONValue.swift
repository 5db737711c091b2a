/// A JSON document built in code: the one way toaster-dk writes JSON (every `--json` output).
///
/// Build the value where the result type lives (a `json` property next to the type), and
/// print `text`. There is no other encoder: this keeps key order, escaping and the shape of
/// missing values the same in every command.
public enum JSONValue: Equatable, Sendable {
  /// A string.
  case string(String)
  /// An integer.
  case int(Int)
  /// A boolean.
  case bool(Bool)
  /// null.
  case null
  /// An array.
  indirect case array([JSONValue])
  /// An object; members are written sorted by key (UTF-8 byte order), so the order they are
  /// given in does not matter. Keys must be distinct.
  indirect case object([(String, JSONValue)])

  /// An object of the members whose value is not nil: a missing optional leaves its key out
  /// (use `.null` to write the key with null).
  public static func object(omittingNil members: [(String, JSONValue?)]) -> JSONValue {
    .object(members.compactMap { key, value in value.map { (key, $0) } })
  }

  /// The string, or null when there is none.
  public static func string(orNull text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  /// The document as one line of JSON (RFC 8259): no white space, keys sorted, `/` and
  /// non-ASCII written as they are, `"` `\` and control characters escaped.
  public var text: String {
    var output = ""
    write(to: &output)
    return output
  }

  private func write(to output: inout String) {
    switch self {
    case .string(let text): Self.quote(text, to: &output)
    case .int(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        item.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
      for (index, (key, value)) in sorted.enumerated() {
        // Two members with one key would make a document whose meaning depends on the reader.
        precondition(index == 0 || sorted[index - 1].0 != key, "duplicate JSON key \(key)")
        if index > 0 { output += "," }
        Self.quote(key, to: &output)
        output += ":"
        value.write(to: &output)
      }
      output += "}"
    }
  }

  // RFC 8259 §7: the two-character escapes where there is one, \u00XX for the other
  // control characters; everything else is written as itself (UTF-8).
  private static func quote(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\u{8}": output += "\\b"
      case "\u{C}": output += "\\f"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }

  /// Two documents are equal when they are written the same.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
}
