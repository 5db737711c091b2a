public import QmailDKConfig

/// A DKSIGN value: the path of the signing key with `%` standing for the sender's domain.
///
/// qmail-dk replaces only the first `%` and takes the selector from the last path
/// component of the template as written, so `%` belongs in a directory component and the
/// last component must be a plain selector name (`QmailDKRules` owns these rules; this type
/// gives them to the editor and the linter). DKSIGN_ED25519 takes the same form.
public struct DKSignTemplate: Equatable, Sendable, CustomStringConvertible {
  /// QmailToaster's template: selector `private` in the per-domain key directory.
  public static let toasterDefault = DKSignTemplate(unchecked: QmailDKRules.toasterSignTemplate)

  /// The template text.
  public let text: String

  private init(unchecked text: String) { self.text = text }

  /// Validates a template, the value of `variable` (DKSIGN unless told).
  ///
  /// - Throws: `TcpRulesError.invalidValue` when the last component is empty or contains
  ///   `%` (qmail-dk would publish the selector as a literal `%`).
  public init(_ text: String, variable: String = QmailDKRules.dkSign) throws(TcpRulesError) {
    if let problem = QmailDKRules.templateProblem(text) {
      throw .invalidValue(name: variable, reason: problem)
    }
    self.init(unchecked: text)
  }

  /// The selector: the last `/`-component, as qmail-dk takes it.
  public var selector: String { QmailDKRules.selector(ofTemplate: text) }

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
