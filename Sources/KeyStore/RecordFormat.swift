/// How `domain dns` writes records.
public enum RecordFormat: String, Sendable, CaseIterable {
  /// BIND zone-file lines: absolute names, TTL, TXT split into quoted 255-byte strings.
  case bind
  /// tinydns-data `'` lines with `:` and special bytes octal-escaped.
  case tinydns
  /// The key record's value alone on one line, for web DNS forms.
  case plain
  /// A JSON document for automation.
  case json
}
