/// A JSON document built in code, for `--json` output.
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
  /// An object; members are written sorted by key.
  indirect case object([(String, JSONValue)])

  /// The document as one line of JSON with sorted keys, as `JSONEncoder` writes it with
  /// `.sortedKeys` and `.withoutEscapingSlashes` (so every `--json` output looks alike).
  public var text: String {
    switch self {
    case .string(let text): Self.quoted(text)
    case .int(let number): String(number)
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let members):
      "{"
        + members.sorted { $0.0 < $1.0 }.map { Self.quoted($0.0) + ":" + $0.1.text }
        .joined(separator: ",") + "}"
    }
  }

  private static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
}
