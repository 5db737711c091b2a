import DKEngine

/// A mail domain whose keys live in `<domainkeys>/<domain>/`: lower-cased DNS labels,
/// so the name can never leave the key directory.
public struct DomainName: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The name in lower case without a trailing dot (`example.com`).
  public let text: String

  /// Validates and lower-cases `name`; one trailing dot is allowed and dropped.
  ///
  /// The rules are `DNSName`'s (DKEngine's one validator): each label 1 to 63 letters,
  /// digits or inner hyphens, at least two labels, at most 253 bytes in all. Non-ASCII
  /// names must be given in their `xn--` form.
  /// - Throws: `KeyStoreError.invalidDomain` naming what is wrong.
  public init(_ name: String) throws(KeyStoreError) {
    var text = name
    if text.hasSuffix(".") { text.removeLast() }
    if let reason = DNSName.problem(inDomain: text) { throw .invalidDomain(name, reason: reason) }
    self.text = text.lowercased()
  }

  /// Validates `name` (as `init`) without throwing.
  public static func isValid(_ name: String) -> Bool {
    (try? DomainName(name)) != nil
  }

  public static func < (lhs: DomainName, rhs: DomainName) -> Bool { lhs.text < rhs.text }

  public var description: String { text }
}
