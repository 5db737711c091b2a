/// A mail domain whose keys live in `<domainkeys>/<domain>/`: lower-cased DNS labels,
/// so the name can never leave the key directory.
public struct DomainName: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The name in lower case without a trailing dot (`example.com`).
  public let text: String

  /// Validates and lower-cases `name`; one trailing dot is allowed and dropped.
  ///
  /// Each label is 1 to 63 letters, digits or inner hyphens, at least two labels, at
  /// most 253 bytes in all. Non-ASCII names must be given in their `xn--` form.
  /// - Throws: `KeyStoreError.invalidDomain` naming what is wrong.
  public init(_ name: String) throws(KeyStoreError) {
    var text = name
    if text.hasSuffix(".") { text.removeLast() }
    if let reason = Self.problem(in: text) { throw .invalidDomain(name, reason: reason) }
    self.text = text.lowercased()
  }

  /// Validates `name` (as `init`) without throwing.
  public static func isValid(_ name: String) -> Bool {
    (try? DomainName(name)) != nil
  }

  private static func problem(in text: String) -> String? {
    if text.isEmpty { return "empty name" }
    if !text.unicodeScalars.allSatisfy(\.isASCII) {
      return "non-ascii names must be given in their xn-- (punycode) form, e.g. with idn2"
    }
    if text.utf8.count > 253 { return "longer than 253 bytes" }
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    if labels.count < 2 { return "a signing domain needs at least two labels (example.com)" }
    for label in labels {
      if let reason = DNSLabel.problem(in: label) { return reason }
    }
    return nil
  }

  public static func < (lhs: DomainName, rhs: DomainName) -> Bool { lhs.text < rhs.text }

  public var description: String { text }
}
