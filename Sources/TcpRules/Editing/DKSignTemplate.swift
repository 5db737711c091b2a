/// A DKSIGN value: the path of the signing key with `%` standing for the sender's domain.
///
/// qmail-dk replaces only the first `%` and takes the selector from the last path
/// component of the template as written, so `%` belongs in a directory component and the
/// last component must be a plain selector name.
public struct DKSignTemplate: Equatable, Sendable, CustomStringConvertible {
  /// QmailToaster's template: selector `private` in the per-domain key directory.
  public static let toasterDefault = DKSignTemplate(
    unchecked: "/var/qmail/control/domainkeys/%/private")

  /// The template text.
  public let text: String

  private init(unchecked text: String) { self.text = text }

  /// Validates a template.
  ///
  /// - Throws: `TcpRulesError.invalidValue` when the last component is empty or contains
  ///   `%` (qmail-dk would publish the selector as a literal `%`).
  public init(_ text: String) throws(TcpRulesError) {
    let template = DKSignTemplate(unchecked: text)
    guard !template.selector.isEmpty else {
      throw .invalidValue(
        name: "DKSIGN", reason: "\(text) ends in /; the last component is the selector")
    }
    guard !template.selector.contains("%") else {
      throw .invalidValue(
        name: "DKSIGN",
        reason: "the selector (last component of \(text)) contains %; put % in a directory, "
          + "as in /var/qmail/control/domainkeys/%/private")
    }
    self = template
  }

  /// The selector: the last `/`-component, as qmail-dk takes it.
  public var selector: String {
    text.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? text
  }

  /// True when the template names a per-domain key (contains `%`); without it every domain
  /// is signed with one key, and a missing key file rejects all outgoing mail.
  public var isPerDomain: Bool { text.contains("%") }

  /// The same template with its last component replaced by `selector`.
  ///
  /// - Throws: `TcpRulesError.invalidValue` when `selector` is not a plain name.
  public func replacingSelector(with selector: String) throws(TcpRulesError) -> DKSignTemplate {
    guard !selector.isEmpty, !selector.contains("/"), !selector.contains("%") else {
      throw .invalidValue(name: "DKSIGN", reason: "selector \(selector) must be a plain name")
    }
    let directory = text.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    return try DKSignTemplate((directory + [Substring(selector)]).joined(separator: "/"))
  }

  public var description: String { text }
}
