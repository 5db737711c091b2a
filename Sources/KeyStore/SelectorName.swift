import DKEngine

/// A DKIM/DomainKeys selector, which is also the key's file name: one DNS label, with its
/// case kept exactly as typed (qmail-dk takes the selector from the DKSIGN template as
/// written, and file names are case-sensitive).
public struct SelectorName: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The selector QmailToaster uses (`DKSIGN=/var/qmail/control/domainkeys/%/private`).
  public static let toasterDefault = SelectorName(validated: "private")

  /// The selector as typed (`private`, `Mail2026`).
  public let text: String

  /// Validates `name`, keeping its case.
  ///
  /// A selector is one DNS label (`DNSName`'s rules: letters, digits, inner hyphens, 1 to
  /// 63 bytes); dots are refused because the selector is a file name. `public` is reserved
  /// for the record file of hand-made QmailToaster keys (`private` + `public.txt`).
  /// - Throws: `KeyStoreError.invalidSelector` naming what is wrong.
  public init(_ name: String) throws(KeyStoreError) {
    if let reason = Self.problem(in: name) { throw .invalidSelector(name, reason: reason) }
    self.text = name
  }

  private init(validated text: String) { self.text = text }

  /// Validates `name` (as `init`) without throwing.
  public static func isValid(_ name: String) -> Bool {
    (try? SelectorName(name)) != nil
  }

  private static func problem(in name: String) -> String? {
    if let reason = DNSName.problem(inSelector: name) { return reason }
    if name.lowercased() == KeyLayout.legacyRecordStem {
      return "reserved for the record file of the hand-made private + public.txt layout"
    }
    return nil
  }

  public static func < (lhs: SelectorName, rhs: SelectorName) -> Bool { lhs.text < rhs.text }

  public var description: String { text }
}
