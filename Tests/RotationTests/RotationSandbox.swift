import Foundation
import KeyStore
import Rotation
import TcpRules
import TestSupport
import ToasterSupport

/// A toaster tree with three signing domains (keys at `private`), one without a key, and
/// tcp.smtp signing with `%/private`.
struct RotationSandbox {
  static let rules = """
    # tcp.smtp
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="DEGIJKfh"

    """
  static let domains = ["example.com", "example.net", "example.org"]
  /// 2026-12-01T00:00:00Z.
  static let now = 1_796_083_200

  let tmp: TempDirectory
  let paths: ToasterPaths
  let ownership: KeyOwnership

  init(rules: String = Self.rules) throws {
    tmp = try TempDirectory(prefix: "rotation-test")
    paths = ToasterPaths(root: tmp.path)
    try tmp.write(rules, to: "etc/tcprules.d/tcp.smtp")
    try FileManager.default.createDirectory(
      atPath: tmp.join("var/qmail/control/domainkeys/nokey.example"),
      withIntermediateDirectories: true)
    let group =
      AccountNames.groupID("vchkpw") != nil && geteuid() == 0 ? "vchkpw" : String(getegid())
    ownership = try KeyOwnership.resolve(owner: String(geteuid()), group: group)
    for domain in Self.domains { try addKey(domain, selector: "private") }
    _ = try RulesStore(rulesPath: paths.rulesFile, cdbPath: paths.rulesCDB, root: paths.root)
      .compile()
  }

  func addKey(_ domain: String, selector: String) throws {
    _ = try KeyStore(paths: paths).add(
      AddKeyRequest(
        domain: DomainName(domain), selector: SelectorName(selector),
        spec: KeySpec(algorithmName: "rsa", bits: 1024, allowLegacySize: true),
        ownership: ownership, recordOptions: RecordOptions(), timestamp: 0))
  }

  var store: RotationStore { RotationStore(paths: paths) }

  func start(selector: String? = "s202612", dryRun: Bool = false, now: Int = Self.now) throws
    -> StartResult
  {
    try store.start(
      StartRequest(
        selector: selector.map { try SelectorName($0) }, from: nil,
        spec: KeySpec(algorithmName: "rsa", bits: 1024, allowLegacySize: true),
        ownership: ownership, recordOptions: RecordOptions(), dryRun: dryRun, now: now))
  }

  func switchNow(
    _ checker: FakeChecker, only: [String] = [], force: Bool = false, dryRun: Bool = false,
    now: Int
  ) throws -> SwitchResult {
    try store.switchSelector(
      SwitchRequest(
        only: only.map { try DomainName($0) }, force: force, dryRun: dryRun, negativeTTL: 3600,
        now: now),
      checker: checker)
  }

  func exists(_ relative: String) -> Bool {
    var info = stat()
    return lstat(tmp.join(relative), &info) == 0
  }

  func key(_ domain: String, _ selector: String) -> String {
    "var/qmail/control/domainkeys/\(domain)/\(selector)"
  }

  func rulesText() throws -> String {
    String(decoding: try tmp.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
  }

  func state() throws -> RotationState? { try store.stateFile.read() }

  func remove() { tmp.remove() }
}

/// Answers as DNS would: the local key for the published domains, nothing for the others.
final class FakeChecker: RecordChecker {
  var published: Set<String>
  var answers: [String: PublishedRecord] = [:]
  private(set) var asked: [String] = []

  init(published: [String] = RotationSandbox.domains) { self.published = Set(published) }

  func check(domain: DomainName, selector: SelectorName, expected: PublishedKeyRecord)
    -> PublishedRecord
  {
    asked.append("\(selector)._domainkey.\(domain)")
    if let answer = answers[domain.text] { return answer }
    return published.contains(domain.text)
      ? .matches(ttl: 300) : .missing("NXDOMAIN from 127.0.0.1")
  }
}
