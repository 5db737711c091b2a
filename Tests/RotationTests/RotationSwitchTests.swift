import Foundation
import KeyStore
import Rotation
import TcpRules
import Testing

@Suite struct RotationSwitchTests {
  static let switched = RotationSandbox.rules.replacingOccurrences(
    of: "%/private", with: "%/s202612")
  /// Late enough that first-seen + ttl + negative-cache time has passed.
  static let later = RotationSandbox.now + 3600 + 3600

  @Test func refusedWhileARecordIsMissingAndNothingChanges() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    let checker = FakeChecker(published: ["example.com", "example.net"])
    #expect(throws: RotationError.self) { try box.switchNow(checker, now: Self.later) }
    #expect(try box.rulesText() == RotationSandbox.rules)
    #expect(try box.state()?.phase == .started)
    checker.answers["example.org"] = .differs("p= is another key")
    do {
      _ = try box.switchNow(checker, now: Self.later)
      Issue.record("switch went ahead with a record that differs")
    } catch let error as RotationError {
      #expect("\(error)".contains("example.org (a different record: p= is another key)"))
    }
  }

  @Test func waitsForTheNegativeCacheTimeAfterFirstSeenAndSaysWhen() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    let now = RotationSandbox.now
    let status = try #require(
      try box.store.status(checker: FakeChecker(), negativeTTL: 3600, now: now))
    #expect(status.switchSafeAt == now + 3600 + 3600)
    #expect(status.next == "toaster-dk rotate switch after 2026-12-01T02:00:00Z")
    #expect(
      throws: RotationError.tooEarly(
        step: "switch", until: now + 7200,
        reason: "resolvers may still hold a negative answer from before the record was "
          + "published (first seen + record ttl + 3600s negative-cache time)")
    ) { try box.switchNow(FakeChecker(), now: now + 60) }
    #expect(try box.rulesText() == RotationSandbox.rules)
    let result = try box.switchNow(FakeChecker(), now: now + 7200)
    #expect(result.state.phase == .switched)
    #expect(result.state.switched == now + 7200)
    #expect(try box.rulesText() == Self.switched)
    #expect(result.rules.written)
  }

  @Test func changesTheTemplateAndTheCDBLikeSetSign() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    _ = try box.switchNow(FakeChecker(), force: true, now: RotationSandbox.now)
    let rules = RulesStore(
      rulesPath: box.paths.rulesFile, cdbPath: box.paths.rulesCDB, root: box.paths.root)
    #expect(try rules.report().cdbState == .current)
    #expect(try box.store.signingSelectors() == ["s202612"])
    #expect(box.exists("etc/tcprules.d/tcp.smtp.bak"))
    // Again: nothing more to do, nothing written.
    let again = try box.switchNow(FakeChecker(), now: Self.later)
    #expect(!again.rules.written)
    #expect(try box.rulesText() == Self.switched)
  }

  @Test func dryRunShowsTheDiffAndWritesNothing() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    let result = try box.switchNow(FakeChecker(), force: true, dryRun: true, now: Self.later)
    let diff = String(decoding: result.rules.diff.text, as: UTF8.self)
    #expect(
      diff.contains(
        "+127.:allow,RELAYCLIENT=\"\",DKSIGN=\"/var/qmail/control/domainkeys/%/s202612\""))
    #expect(try box.rulesText() == RotationSandbox.rules)
    #expect(try box.state()?.phase == .started)
  }

  @Test func onlyHoldsTheOthersBackAndALaterSwitchReleasesThem() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    let checker = FakeChecker(published: ["example.com", "example.net"])
    _ = try box.store.status(checker: checker, negativeTTL: 3600, now: RotationSandbox.now)
    let result = try box.switchNow(checker, only: ["example.com", "example.net"], now: Self.later)
    #expect(result.state.domains.map(\.step) == [.switched, .switched, .held])
    #expect(try box.rulesText() == Self.switched)
    // qmail-dk finds no key at the new selector for the held domain: it queues unsigned.
    #expect(!box.exists(box.key("example.org", "s202612")))
    #expect(box.exists(box.key("example.org", ".s202612.held")))
    #expect(box.exists(box.key("example.org", "private")))
    #expect(throws: RotationError.self) {
      try box.store.finish(EndRequest(force: true, dryRun: false, now: Self.later))
    }
    checker.published.insert("example.org")
    _ = try box.store.status(checker: checker, negativeTTL: 3600, now: Self.later)
    let second = try box.switchNow(checker, now: Self.later + 7200)
    #expect(second.state.domains.map(\.step) == [.switched, .switched, .switched])
    #expect(box.exists(box.key("example.org", "s202612")))
    #expect(!box.exists(box.key("example.org", ".s202612.held")))
  }

  @Test func onlyRefusesADomainOutsideTheRotation() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    #expect(throws: RotationError.unknownDomain("nokey.example")) {
      try box.switchNow(FakeChecker(), only: ["nokey.example"], now: Self.later)
    }
  }

  @Test func completesASwitchThatWasInterrupted() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    var state = try box.start().state
    // As a switch killed after recording its plan, before tcp.smtp was edited.
    state.phase = .switching
    state.domains = state.domains.map { RotationState.Domain(name: $0.name, step: .switched) }
    try box.tmp.write(state.render(), to: "var/qmail/control/domainkeys/.rotation")
    let result = try box.switchNow(FakeChecker(published: []), now: RotationSandbox.now)
    #expect(result.state.phase == .switched)
    #expect(try box.rulesText() == Self.switched)
  }
}
