import DKEngine
public import KeyStore
import LibCrypto
public import ToasterSupport

/// Imports QmailToaster's Perl-wrapper keys (`control/dkim/*.key`) into the key directory,
/// keeping each selector so the records already published stay valid, and names those
/// selectors in the remote selector file.
public struct PerlWrapperImport {
  /// One key found in signconf.xml and what became of it.
  public struct Outcome: Sendable, CustomStringConvertible {
    /// The signing domain (the global node's is control/me's first line).
    public let domain: String
    /// The selector kept.
    public let selector: String
    /// The wrapper's key file.
    public let keyFile: String
    /// Nil when imported, else why not.
    public let skipped: String?

    /// `imported /var/qmail/control/dkim/global.key as mail.example.com/dkim1`.
    public var description: String {
      skipped.map { "skipped \(keyFile): \($0)" }
        ?? "imported \(keyFile) as \(domain)/\(selector)"
    }
  }

  private let paths: ToasterPaths

  /// An importer for the tree under `paths`.
  public init(paths: ToasterPaths) {
    self.paths = paths
  }

  /// Imports every key `settings` names (unless `dryRun`).
  ///
  /// A key under 1024 bits (the wrapper's install script made 384-bit ones), one that does
  /// not parse, or a selector that already has a key, is skipped with the reason.
  /// - Throws: `KeyStoreError` or `RemoteSelectorsError` when writing fails.
  public func run(_ settings: PerlWrapperSettings, ownership: KeyOwnership, now: Int, dryRun: Bool)
    throws -> [Outcome]
  {
    let global = settings.nodes.first { $0.name == "global" }
    var outcomes: [Outcome] = []
    for node in settings.nodes {
      let selector = node.selector ?? global?.selector ?? "dkim1"
      let keyFile = paths.resolve(
        node.keyFile
          ?? "/var/qmail/control/dkim/\(node.name == "global" ? "global" : node.name).key")
      let domain = node.name == "global" ? signingDomain(node.domain) : node.name
      let outcome = try importKey(
        domain: domain, selector: selector, keyFile: keyFile, ownership: ownership, now: now,
        dryRun: dryRun)
      outcomes.append(outcome)
    }
    return outcomes
  }

  // domain= is a domain, or (QMT's default) a file whose first line is one.
  private func signingDomain(_ attribute: String?) -> String {
    guard let attribute, attribute.hasPrefix("/") else { return attribute ?? "" }
    let bytes = (try? FileDescriptorIO.readFile(atPath: paths.resolve(attribute))) ?? []
    return String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
      .trimmingCharacters(in: " \t\r")
  }

  private func importKey(
    domain: String, selector: String, keyFile: String, ownership: KeyOwnership, now: Int,
    dryRun: Bool
  ) throws -> Outcome {
    func skip(_ reason: String) -> Outcome {
      Outcome(domain: domain, selector: selector, keyFile: keyFile, skipped: reason)
    }
    guard let domainName = try? DomainName(domain.lowercased()) else {
      return skip("\"\(domain)\" is not a domain name")
    }
    guard let selectorName = try? SelectorName(selector) else {
      return skip("\"\(selector)\" is not a selector")
    }
    guard let pem = try? FileDescriptorIO.readFile(atPath: keyFile) else {
      return skip("cannot be read")
    }
    guard let key = try? PrivateKey(pem: QmailDK.controlFileContents(pem)) else {
      return skip("not a private key")
    }
    if key.algorithm == .rsa, key.bits < 1024 {
      return skip("an RSA key of \(key.bits) bits, under RFC 8301's 1024: make a new one")
    }
    if dryRun {
      return Outcome(domain: domainName.text, selector: selector, keyFile: keyFile, skipped: nil)
    }
    // The spec only describes the key kept; nothing is generated.
    let bits = key.algorithm == .rsa ? key.bits : nil
    guard let spec = try? KeySpec(algorithm: key.algorithm, bits: bits, allowLegacySize: true)
    else { return skip("a key of a kind toaster-dk does not keep") }
    var request = AddKeyRequest(
      domain: domainName, selector: selectorName, spec: spec, ownership: ownership,
      recordOptions: try RecordOptions(), timestamp: now)
    request.existingKey = key
    do {
      _ = try KeyStore(paths: paths).add(request)
    } catch KeyStoreError.keyExists(let path) {
      return skip("\(path) already exists, left alone")
    }
    try RemoteSelectorsFile(paths: paths).update { selectors throws(RemoteSelectorsError) in
      try selectors.setSelectors([selector], for: domainName.text)
    }
    return Outcome(domain: domainName.text, selector: selector, keyFile: keyFile, skipped: nil)
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
