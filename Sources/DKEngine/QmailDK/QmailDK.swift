import LibCrypto
import QmailDKConfig

/// qmail-dk 0.6.beta.2's decisions as pure functions: sign, verify or pass a message
/// through, and the headers, fd 4 texts and exit codes (82 for a rejection) that follow.
public enum QmailDK {
  /// What reading a key file gave (qmail's `control_readfile`).
  public enum KeyFile: Sendable, Hashable {
    /// The file's bytes.
    case contents([UInt8])
    /// ENOENT on some path component.
    case notFound
    /// Any other error (EACCES, EISDIR, …) as the signing user meets it, described.
    case unreadable(String)
    /// A dry run could not read the file itself (it lacks the permission qmail-dk may
    /// have), so nothing can be said about what qmail-dk would do; described.
    case notReadableByDryRun(String)
  }

  /// The fd-4 texts of qmail-dk 0.6.beta.2 for signing failures.
  public static let unreadableKeyText =
    "Dqmail-dk: Couldn't read signature file for signing. (#5.3.0)"
  static let invalidKeyText =
    "Dqmail-dk: Cannot sign message due to invalid private key. (#5.3.0)"
  static let syntaxText =
    "Dqmail-dk: Cannot sign message due to invalid message syntax. (#5.3.0)"
  static let unknownStatusText =
    "Dqmail-dk: Cannot sign message due to unknown libdomainkeys exit status. (#5.3.0)"

  /// Runs qmail-dk's logic over `message` with `environment`.
  ///
  /// `readKey` reads a key file by path; `resolver` answers key record lookups when verifying.
  public static func process(
    _ message: Message, environment: QmailDKEnvironment,
    readKey: (String) -> KeyFile, resolver: any KeyResolver,
    cache: KeyCache = KeyCache()
  ) -> QmailDKOutcome {
    let mode = environment.mode
    let lineEnding = message.lineEndings == .crlf ? "\r\n" : "\n"
    switch mode {
    case .passThrough:
      return QmailDKOutcome(
        mode: mode, action: .passedThrough, keyPath: nil, warnings: [], lineEnding: lineEnding)
    case .verify(let letters):
      let (policy, warnings) = lenientPolicy(letters)
      // qmail-dk sees records through libdomainkeys' resolver, sentinels and all.
      let result = DomainKeysVerifier(
        resolver: LibdomainkeysKeyResolver(resolver), cache: cache
      ).verify(message)
      let action: QmailDKOutcome.Action =
        policy.rejectionText(for: result.qmailDKStatus).map {
          .rejected(text: $0, exitCode: 82, verification: result)
        } ?? .verified(result)
      return QmailDKOutcome(
        mode: mode, action: action, keyPath: nil, warnings: warnings, lineEnding: lineEnding)
    case .sign(let template):
      let (action, path) = sign(message, template: template, readKey: readKey)
      return QmailDKOutcome(
        mode: mode, action: action, keyPath: path, warnings: [], lineEnding: lineEnding)
    }
  }

  /// The selector qmail-dk uses: the last `/` component of the template as configured.
  public static func selector(forTemplate template: String) -> String {
    QmailDKRules.selector(ofTemplate: template)
  }

  /// The key path: the first `%` of the template replaced by `domain` (only the first).
  public static func keyPath(template: String, domain: String) -> String {
    QmailDKRules.keyPath(template: template, domain: domain)
  }

  /// The key file as qmail's `control_readfile` hands it over: each line without trailing
  /// spaces and tabs, empty lines and `#` lines dropped.
  public static func controlFileContents(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      var end = line.endIndex
      while end > line.startIndex, line[end - 1].isWSP { end -= 1 }
      let kept = line[line.startIndex..<end]
      if kept.isEmpty || kept.first == UInt8(ascii: "#") { continue }
      output += kept
      output.append(0x0A)
    }
    return output
  }

  /// The key qmail-dk signs with for `message` under `template`, with the domain and
  /// selector it uses, or the action it takes instead (unsigned or rejected).
  public static func signingKey(
    for message: Message, template: String, domain override: String? = nil,
    readKey: (String) -> KeyFile, cache: KeyCache = KeyCache()
  ) -> Result<SigningKey, QmailDKRefusal> {
    let scan = DomainKeysHeaderScan(message, signing: true)
    guard scan.syntaxError == nil, case .success(let sender) = scan.sender(in: message) else {
      return .failure(QmailDKRefusal(.rejected(text: syntaxText, exitCode: 82, verification: nil)))
    }
    let domain = override ?? sender.domain
    let path = keyPath(template: template, domain: domain)
    // A domain that is not a hostname (`/`, `..`, NUL) never becomes a path to probe.
    if template.contains("%"), let reason = DNSName.problem(inDomain: domain) {
      return .failure(
        QmailDKRefusal(
          .unsignedMissingKey(path: path), keyPath: path,
          reason: "the signing domain \"\(domain)\" is not a domain name (\(reason)),"
            + " so no key file was looked for"))
    }
    let pem: [UInt8]
    switch keyBytes(readKey(path), path: path, perDomain: template.contains("%")) {
    case .success(let bytes): pem = bytes
    case .failure(let refusal): return .failure(refusal)
    }
    guard let key = cache.privateKey(pem: pem) else {
      let action = QmailDKOutcome.Action.rejected(
        text: invalidKeyText, exitCode: 82, verification: nil)
      return .failure(QmailDKRefusal(action, keyPath: path))
    }
    return .success(
      SigningKey(key: key, domain: domain, selector: selector(forTemplate: template), path: path))
  }

  // The key bytes as control_readfile gives them, or what qmail-dk does without them.
  private static func keyBytes(_ file: KeyFile, path: String, perDomain: Bool) -> Result<
    [UInt8], QmailDKRefusal
  > {
    let reason: String
    switch file {
    case .contents(let bytes): return .success(controlFileContents(bytes))
    case .notFound where perDomain:
      return .failure(QmailDKRefusal(.unsignedMissingKey(path: path), keyPath: path))
    case .notFound: reason = "the key file does not exist and the template has no %"
    case .unreadable(let why), .notReadableByDryRun(let why): reason = why
    }
    let action = QmailDKOutcome.Action.rejected(
      text: unreadableKeyText, exitCode: 82, verification: nil)
    return .failure(QmailDKRefusal(action, keyPath: path, reason: reason))
  }

  private static func sign(
    _ message: Message, template: String, readKey: (String) -> KeyFile
  ) -> (QmailDKOutcome.Action, String?) {
    switch signingKey(for: message, template: template, readKey: readKey) {
    case .failure(let refusal): return (refusal.action, refusal.keyPath)
    case .success(let found):
      do {
        let signer = DomainKeysSigner(key: found.key, selector: found.selector)
        return (.signed(try signer.sign(message)), found.path)
      } catch {
        return (
          .rejected(text: signingText(for: error), exitCode: 82, verification: nil), found.path
        )
      }
    }
  }

  static func signingText(for error: DKEngineError) -> String {
    guard case .domainKeysSigningFailed(let status, _) = error else { return unknownStatusText }
    switch status {
    case .syntax: return syntaxText
    case .badKey: return invalidKeyText
    default: return unknownStatusText
    }
  }

  // qmail-dk does not check DKVERIFY: characters that are no status letter never match.
  private static func lenientPolicy(_ letters: String) -> (DKVerifyPolicy, [String]) {
    do {
      let policy = try DKVerifyPolicy(letters: letters)
      return (policy, policy.warnings)
    } catch {
      let valid = String(letters.filter { DKStatus(letter: $0) != nil })
      let policy = (try? DKVerifyPolicy(letters: valid)) ?? DKVerifyPolicy.acceptAll
      return (policy, ["\(error); qmail-dk ignores those characters"] + policy.warnings)
    }
  }
}
