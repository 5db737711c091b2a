import LibCrypto
import QmailDKConfig

extension QmailDK {
  /// The tcp.smtp variable naming the Ed25519 key of a second DKIM signature: a template
  /// like DKSIGN (`/var/qmail/control/domainkeys/%/ed25519`), its first `%` the signing
  /// domain, its last component the selector.
  public static let ed25519Variable = QmailDKRules.dkSignEd25519

  /// The Ed25519 key for a second DKIM signature of `domain` (the domain the DKSIGN key
  /// signs for) under `template`, or nil when its file does not exist (no second signature).
  ///
  /// The key is treated as the DKSIGN key is: a file that exists but cannot be read is
  /// qmail-dk's "Couldn't read signature file" refusal, one that holds no Ed25519 private
  /// key its "invalid private key" refusal (each with the reason).
  public static func ed25519Key(
    template: String, domain: String, readKey: (String) -> KeyFile, cache: KeyCache = KeyCache()
  ) -> Result<SigningKey?, QmailDKRefusal> {
    // The domain came from the message; with a % it becomes part of a path.
    if template.contains("%"), DNSName.problem(inDomain: domain) != nil { return .success(nil) }
    let path = keyPath(template: template, domain: domain)
    let pem: [UInt8]
    switch readKey(path) {
    case .notFound: return .success(nil)
    case .contents(let bytes): pem = controlFileContents(bytes)
    case .unreadable(let why), .notReadableByDryRun(let why):
      return .failure(
        QmailDKRefusal(
          .rejected(text: unreadableKeyText, exitCode: 82, verification: nil), keyPath: path,
          reason: why))
    }
    let parsed = cache.privateKey(pem: pem)
    guard let key = parsed, key.algorithm == .ed25519 else {
      let what = parsed == nil ? "no private key" : "an RSA key, not Ed25519"
      return .failure(
        QmailDKRefusal(
          .rejected(text: invalidKeyText, exitCode: 82, verification: nil), keyPath: path,
          reason: "\(path) holds \(what) (\(ed25519Variable))"))
    }
    return .success(
      SigningKey(key: key, domain: domain, selector: selector(forTemplate: template), path: path))
  }
}
