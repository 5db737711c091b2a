public import ToasterSupport

/// Writes record sets as BIND, tinydns-data, plain or JSON text (pure, no I/O).
public enum RecordRenderer {
  /// The records of `set` in `format`, ending in a newline.
  public static func render(_ set: DomainRecordSet, as format: RecordFormat) -> String {
    switch format {
    case .bind: set.records.map(bind).joined()
    case .tinydns: set.records.map(tinydns).joined()
    case .plain: set.key.value + "\n"
    case .json: json(set).text + "\n"
    }
  }

  /// One record as BIND zone-file text: a `;` comment, then the record with an absolute
  /// owner name; a value over 255 bytes is split into quoted strings in parentheses.
  public static func bind(_ record: DNSRecord) -> String {
    let strings = record.characterStrings.map { "\"" + bindEscaped($0) + "\"" }
    let head = "\(record.name).\t\(record.ttl)\tIN\tTXT\t"
    let body =
      strings.count == 1 ? strings[0] : "( " + strings.joined(separator: "\n\t") + " )"
    return "; \(record.comment)\n" + head + body + "\n"
  }

  /// One record as tinydns-data text: a `#` comment, then `'fqdn:text:ttl` with `:`, `\`
  /// and bytes outside printable ASCII written as three octal digits (`:` is `\072`).
  public static func tinydns(_ record: DNSRecord) -> String {
    "# \(record.comment)\n'\(record.name):\(tinydnsEscaped(Array(record.value.utf8))):\(record.ttl)\n"
  }

  /// The record set as a JSON document.
  public static func json(_ set: DomainRecordSet) -> JSONValue {
    .object([
      ("domain", .string(set.domain.text)),
      ("selector", .string(set.selector.text)),
      ("algorithm", .string(set.algorithm.rawValue)),
      ("bits", .int(set.bits)),
      ("testing", .bool(set.keyRecord.testing)),
      ("records", .array(set.records.map(json))),
    ])
  }

  /// One record as a JSON object.
  public static func json(_ record: DNSRecord) -> JSONValue {
    .object([
      ("name", .string(record.name)),
      ("type", .string("TXT")),
      ("ttl", .int(record.ttl)),
      ("value", .string(record.value)),
      (
        "strings",
        .array(record.characterStrings.map { .string(String(decoding: $0, as: UTF8.self)) })
      ),
      ("purpose", .string(record.purpose.rawValue)),
      ("suggestion", .bool(record.isSuggestion)),
      ("comment", .string(record.comment)),
    ])
  }

  /// Escapes bytes for a BIND quoted string: `"` and `\` get a backslash, bytes outside
  /// printable ASCII become `\DDD` (decimal, RFC 1035 §5.1).
  public static func bindEscaped(_ bytes: [UInt8]) -> String {
    var output = ""
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        output += "\\" + String(UnicodeScalar(byte))
      case 0x20...0x7E: output.unicodeScalars.append(UnicodeScalar(byte))
      default: output += "\\" + digits(byte, radix: 10)
      }
    }
    return output
  }

  /// Escapes bytes for a tinydns-data field: `:`, `\` and bytes outside printable ASCII
  /// become `\NNN` (octal), which is how tinydns-data reads them back.
  public static func tinydnsEscaped(_ bytes: [UInt8]) -> String {
    var output = ""
    for byte in bytes {
      switch byte {
      case UInt8(ascii: ":"), UInt8(ascii: "\\"): output += "\\" + digits(byte, radix: 8)
      case 0x20...0x7E: output.unicodeScalars.append(UnicodeScalar(byte))
      default: output += "\\" + digits(byte, radix: 8)
      }
    }
    return output
  }

  private static func digits(_ byte: UInt8, radix: Int) -> String {
    let text = String(byte, radix: radix)
    return String(repeating: "0", count: 3 - text.count) + text
  }
}
