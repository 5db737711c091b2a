import ToasterSupport

/// The hostname rules (RFC 1123 §2.1) shared by domains and selectors.
enum DNSLabel {
  /// What is wrong with `label`, or nil when it is a valid hostname label.
  static func problem(in label: Substring) -> String? {
    if label.isEmpty { return "empty label (two dots in a row, or a leading dot)" }
    if label.utf8.count > 63 { return "label \"\(label)\" is longer than 63 bytes" }
    for byte in label.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
        continue
      default:
        return "\"\(Diagnostic.displayable([byte]))\" is not allowed"
          + " (only letters, digits, - and dots between labels)"
      }
    }
    if label.hasPrefix("-") || label.hasSuffix("-") {
      return "label \"\(label)\" starts or ends with -"
    }
    return nil
  }
}
