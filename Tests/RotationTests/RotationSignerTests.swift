import Foundation
import KeyStore
import MailPath
import Rotation
import Testing

/// The queue-exit signer's `control/toaster-dk/remote-selectors` moves with tcp.smtp, and
/// the Ed25519 selector is left alone (and refused, with the way to do it).
@Suite struct RotationSignerTests {
  static let selectorsPath = "var/qmail/control/toaster-dk/remote-selectors"
  static let later = RotationSandbox.now + 7200

  func selectors(_ box: RotationSandbox) throws -> String {
    String(decoding: try box.tmp.read(Self.selectorsPath), as: UTF8.self)
  }

  @Test func switchMovesTheDefaultAndSwitchedDomainsAndKeepsHeldOnesOnTheOldSelector() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    try box.tmp.write("# ours\n*:private\nexample.net:private,ed\n", to: Self.selectorsPath)
    _ = try box.start()
    let checker = FakeChecker(published: ["example.com", "example.net"])
    _ = try box.store.status(checker: checker, negativeTTL: 3600, now: RotationSandbox.now)
    let result = try box.switchNow(checker, only: ["example.com", "example.net"], now: Self.later)
    #expect(
      try selectors(box) == "# ours\n*:s202612\nexample.net:s202612,ed\nexample.org:private\n")
    let diff = String(decoding: result.signerDiff ?? [], as: UTF8.self)
    #expect(diff.contains("\n-*:private\n") && diff.contains("\n+*:s202612\n"), "\(diff)")
    // The signer reads it as the rotation means it.
    let parsed = try RemoteSelectorsFile(paths: box.paths).read()
    #expect(parsed.selectors(for: "example.com") == ["s202612"])
    #expect(parsed.selectors(for: "example.org") == ["private"])
    checker.published.insert("example.org")
    _ = try box.store.status(checker: checker, negativeTTL: 3600, now: Self.later)
    _ = try box.switchNow(checker, now: Self.later + 7200)
    #expect(
      try selectors(box) == "# ours\n*:s202612\nexample.net:s202612,ed\nexample.org:s202612\n")
  }

  @Test func abortPutsTheOldSelectorBack() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    try box.tmp.write("example.net:private,ed\n", to: Self.selectorsPath)
    _ = try box.start()
    _ = try box.switchNow(FakeChecker(), force: true, now: Self.later)
    #expect(try selectors(box) == "example.net:s202612,ed\n*:s202612\n")
    _ = try box.store.abort(EndRequest(dryRun: false, now: Self.later))
    #expect(try selectors(box) == "example.net:private,ed\n*:private\n")
  }

  @Test func noFileAndNoSignerInstalledWritesNothing() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    let result = try box.switchNow(FakeChecker(), force: true, now: Self.later)
    #expect(result.signerDiff?.isEmpty != false)
    #expect(!box.exists(Self.selectorsPath))
  }

  @Test func aSelectorFileThatDoesNotParseRefusesTheSwitchBeforeAnythingChanges() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    try box.tmp.write("example.net private\n", to: Self.selectorsPath)
    _ = try box.start()
    #expect(throws: RotationError.self) {
      try box.switchNow(FakeChecker(), force: true, now: Self.later)
    }
    #expect(try box.rulesText() == RotationSandbox.rules)
    #expect(try selectors(box) == "example.net private\n")
    #expect(box.exists(box.key("example.org", "s202612")))
  }

  @Test func ed25519IsRefusedWithTheWayToDoItAndTheSwitchLeavesItAlone() throws {
    let rules = RotationSandbox.rules.replacingOccurrences(
      of: "%/private\"", with: "%/private\",DKSIGN_ED25519=\"/var/qmail/control/domainkeys/%/ed\"")
    let box = try RotationSandbox(rules: rules)
    defer { box.remove() }
    for domain in RotationSandbox.domains {
      _ = try KeyStore(paths: box.paths).add(
        AddKeyRequest(
          domain: DomainName(domain), selector: SelectorName("ed"),
          spec: KeySpec(algorithmName: "ed25519", bits: nil), ownership: box.ownership,
          recordOptions: RecordOptions(), timestamp: 0))
    }
    let fromEd = try StartRequest(
      selector: try SelectorName("e202612"), from: try SelectorName("ed"),
      spec: try KeySpec(algorithmName: "rsa", bits: 1024, allowLegacySize: true),
      ownership: box.ownership, recordOptions: RecordOptions(), dryRun: false,
      now: RotationSandbox.now)
    #expect(throws: RotationError.ed25519Selector("ed")) { try box.store.start(fromEd) }
    var toEd = fromEd
    toEd.from = nil
    toEd.spec = try KeySpec(algorithmName: "ed25519", bits: nil)
    do {
      _ = try box.store.start(toEd)
      Issue.record("an ed25519 rotation started")
    } catch let error as RotationError {
      #expect(error == .rsaOnly("ed25519"))
      #expect(
        "\(error)".contains("toaster-dk rules set-sign --selector CURRENT --ed25519-selector NEW"))
    }
    #expect(try box.state() == nil)
    _ = try box.start()
    _ = try box.switchNow(FakeChecker(), force: true, now: Self.later)
    #expect(
      try box.rulesText()
        == rules.replacingOccurrences(of: "%/private\"", with: "%/s202612\""))
  }
}
