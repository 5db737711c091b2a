/// The one validator of domain and selector names (RFC 1123 §2.1 hostname labels), for
/// every name that becomes part of a key path: a command's argument, or a From:, Sender:,
/// d= or s= taken from a message.
///
/// A name that passes holds only letters, digits, inner hyphens and (for a domain) dots
/// between labels, so it can never contain `/`, `..` or a NUL and never leave the key
/// directory. Case is kept: qmail-dk uses the domain and the selector as written.
public enum DNSName {
  /// What is wrong with `label`, or nil when it is a valid hostname label.
  public static func problem(inLabel label: Substring) -> String? {
    if label.isEmpty { return "empty label (two dots in a row, or a leading dot)" }
    if label.utf8.count > 63 { return "label \"\(label)\" is longer than 63 bytes" }
    for byte in label.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
        continue
      default:
        return "\"\(displayable(byte))\" is not allowed"
          + " (only letters, digits, - and dots between labels)"
      }
    }
    if label.hasPrefix("-") || label.hasSuffix("-") {
      return "label \"\(label)\" starts or ends with -"
    }
    return nil
  }

  /// What is wrong with the signing domain `name` (no trailing dot), or nil when it is valid.
  ///
  /// At least two labels, at most 253 bytes; non-ASCII names must be in their `xn--` form.
  public static func problem(inDomain name: String) -> String? {
    if name.isEmpty { return "empty name" }
    if !name.unicodeScalars.allSatisfy(\.isASCII) {
      return "non-ascii names must be given in their xn-- (punycode) form, e.g. with idn2"
    }
    if name.utf8.count > 253 { return "longer than 253 bytes" }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    if labels.count < 2 { return "a signing domain needs at least two labels (example.com)" }
    for label in labels {
      if let reason = problem(inLabel: label) { return reason }
    }
    return nil
  }

  /// What is wrong with the selector `name`, or nil when it is valid: one label, because
  /// the selector is also the key's file name.
  public static func problem(inSelector name: String) -> String? {
    if name.isEmpty { return "empty selector" }
    if !name.unicodeScalars.allSatisfy(\.isASCII) { return "only ascii letters, digits and -" }
    if name.contains(".") { return "a selector here is one label without dots" }
    return problem(inLabel: Substring(name))
  }

  /// True when `name` is a valid signing domain.
  public static func isDomain(_ name: String) -> Bool { problem(inDomain: name) == nil }

  /// True when `name` is a valid selector.
  public static func isSelector(_ name: String) -> Bool { problem(inSelector: name) == nil }

  private static func displayable(_ byte: UInt8) -> String {
    switch byte {
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x00: return "\\0"
    case 0x20...0x7E: return String(UnicodeScalar(byte))
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }
  }
}
