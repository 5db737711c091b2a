public import KeyStore

/// A tcp.smtp rule line whose DKSIGN template makes qmail-dk sign with a selector.
public struct TemplateUse: Sendable, Hashable {
  /// The rules file's path, for messages.
  public let path: String
  /// The line number in it.
  public let line: Int
  /// The DKSIGN value as written.
  public let template: String
  /// The selector qmail-dk takes from it (its last component).
  public let selector: String

  /// Creates a use.
  public init(path: String, line: Int, template: String, selector: String) {
    self.path = path
    self.line = line
    self.template = template
    self.selector = selector
  }

  /// Whether the template names a per-domain key (`%`).
  public var isPerDomain: Bool { template.contains("%") }
}

/// One selector of one domain to check: its local public half (when there is a key) and
/// the tcp.smtp lines that make qmail-dk sign with it.
public struct CheckTarget: Sendable, Hashable {
  /// The domain.
  public let domain: String
  /// The selector.
  public let selector: String
  /// The local key's public half, or nil when the domain has no key of this selector.
  public let local: PublicHalf?
  /// The DKSIGN lines that use this selector.
  public let uses: [TemplateUse]

  /// Creates a target.
  public init(domain: String, selector: String, local: PublicHalf?, uses: [TemplateUse]) {
    self.domain = domain
    self.selector = selector
    self.local = local
    self.uses = uses
  }

  /// The DNS name of the key record.
  public var name: String { "\(selector)._domainkey.\(domain)" }

  /// The targets for `domains`: every local key, plus every selector a DKSIGN template
  /// makes qmail-dk use, in domain then selector order (local keys first).
  public static func targets(
    domains: [String], halves: [PublicHalf], uses: [TemplateUse]
  ) -> [CheckTarget] {
    domains.flatMap { domain in
      let local = halves.filter { $0.domain == domain }
      var selectors = local.map(\.selector)
      for use in uses where !selectors.contains(use.selector) { selectors.append(use.selector) }
      return selectors.map { selector in
        CheckTarget(
          domain: domain, selector: selector, local: local.first { $0.selector == selector },
          uses: uses.filter { $0.selector == selector })
      }
    }
  }
}
