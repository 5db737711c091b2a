public import KeyStore
import QmailDKConfig
public import TcpRules
public import ToasterSupport

/// A key rotation on disk: the key tree (through `KeyStore`), tcp.smtp and its cdb (through
/// `RulesStore`, exactly as `rules set-sign` edits them), the per-domain signer's selector
/// setting, and the state file that ties the steps together.
///
/// Each step (`start`, `status`, `switchSelector`, `finish`, `abort`) holds the rotation
/// lock, records in the state file what it is about to do before doing it, and can be run
/// again: an interrupted step completes (or `abort` undoes it) on the next run.
public struct RotationStore {
  /// The key tree.
  public let keys: KeyStore
  /// tcp.smtp and its cdb.
  public let rules: RulesStore
  /// The state file.
  public let stateFile: RotationStateFile
  /// The queue-exit signer's selector setting, when one is installed.
  public var signerSetting: (any SignerSelectorSetting)?
  /// `control/queuelifetime`.
  public let queueLifetimePath: String

  /// The rotation of the toaster under `paths`, switching the queue-exit signer's
  /// `control/toaster-dk/remote-selectors` together with tcp.smtp.
  public init(paths: ToasterPaths) {
    self.init(paths: paths, signerSetting: RemoteSignerSetting(paths: paths))
  }

  /// The rotation of the toaster under `paths`, with another signer setting (or none).
  public init(paths: ToasterPaths, signerSetting: (any SignerSelectorSetting)?) {
    keys = KeyStore(paths: paths)
    rules = RulesStore(rulesPath: paths.rulesFile, cdbPath: paths.rulesCDB, root: paths.root)
    stateFile = RotationStateFile(keyDirectory: paths.domainKeys, root: paths.root)
    self.signerSetting = signerSetting
    queueLifetimePath = paths.resolve("/var/qmail/control/queuelifetime")
  }

  /// How long qmail keeps retrying a message: `control/queuelifetime`, or qmail's default
  /// (a week) when the file is missing or holds no number.
  public func queueLifetime() -> Int {
    guard let bytes = try? FileDescriptorIO.readFile(atPath: queueLifetimePath) else {
      return RotationClock.defaultQueueLifetime
    }
    let digits = String(decoding: bytes, as: UTF8.self).prefix { $0.isNumber }
    return Int(digits) ?? RotationClock.defaultQueueLifetime
  }

  /// The DKSIGN selectors tcp.smtp signs with today, in file order.
  ///
  /// - Throws: `TcpRulesError.syntax` or `SystemError` when tcp.smtp cannot be read.
  public func signingSelectors() throws -> [String] {
    let file = try RulesFile.parse(rules.readRules(), path: rules.rulesPath)
    var selectors: [String] = []
    for template in file.signTemplates where !selectors.contains(template.selector) {
      selectors.append(template.selector)
    }
    return selectors
  }

  /// The selectors of tcp.smtp's DKSIGN_ED25519 templates (toaster-dk-queue's second,
  /// Ed25519 signature), which a rotation leaves alone.
  func ed25519Selectors() throws -> [String] {
    let file = try RulesFile.parse(rules.readRules(), path: rules.rulesPath)
    return file.rules.flatMap { _, rule in
      rule.assignments.filter { $0.nameText == QmailDKRules.dkSignEd25519 }.compactMap {
        try? DKSignTemplate($0.valueText, variable: QmailDKRules.dkSignEd25519).selector
      }
    }
  }

  /// The selector to rotate away from: `from`, or the one selector tcp.smtp signs with.
  func oldSelector(from: SelectorName?) throws -> SelectorName {
    let signing = try signingSelectors()
    guard !signing.isEmpty else {
      throw RotationError.noSigningTemplate(rulesPath: rules.rulesPath)
    }
    if let from {
      if !signing.contains(from.text), try ed25519Selectors().contains(from.text) {
        throw RotationError.ed25519Selector(from.text)
      }
      guard signing.contains(from.text) else {
        throw RotationError.selectorNotSigning(from.text, signing: signing)
      }
      return from
    }
    guard signing.count == 1 else { throw RotationError.severalSelectors(signing) }
    return try SelectorName(signing[0])
  }

  /// The records that revoke `selector` for each domain: `v=DKIM1; p=` (RFC 6376 §3.6.1).
  public static func revokingRecords(_ state: RotationState, selector: SelectorName) -> [DNSRecord]
  {
    state.domains.map {
      DNSRecord(
        name: "\(selector)._domainkey.\($0.name)", ttl: state.ttl, value: "v=DKIM1; p=",
        purpose: .key,
        comment: "selector \(selector) of \($0.name) is retired: an empty p= revokes it;"
          + " remove the record later")
    }
  }

  /// Moves every rotated domain's key at `selector` (and its record file) into `.removed`,
  /// skipping those already moved, so a killed `finish` or `abort` completes when run again.
  ///
  /// - Returns: each path moved, with where it went.
  /// - Throws: `KeyStoreError` other than a key already gone.
  func retire(_ selector: SelectorName, of state: RotationState, now: Int) throws
    -> [(from: String, to: String)]
  {
    var moved: [(from: String, to: String)] = []
    for domain in state.domains {
      let result: RemoveKeyResult
      do {
        result = try keys.remove(
          domain: domain.name, selector: selector, confirmed: true, timestamp: now)
      } catch {
        // `catch KeyStoreError.noSuchKey` here crashes Swift 6.3's ownership verifier.
        if case .noSuchKey = error { continue }
        throw error
      }
      moved += zip(result.removed, result.backups).map { ($0, $1) }
    }
    return moved
  }

  /// The records to publish for the new keys, read from the keys themselves.
  func newRecords(_ state: RotationState, options: RecordOptions) throws -> [DomainRecordSet] {
    try state.domains.map {
      try keys.records(domain: $0.name, selector: state.new, options: options)
    }
  }
}
