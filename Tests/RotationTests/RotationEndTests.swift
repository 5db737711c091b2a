import Foundation
import KeyStore
import Rotation
import Testing

@Suite struct RotationEndTests {
  static let switchedAt = RotationSandbox.now + 7200

  private func switched() throws -> RotationSandbox {
    let box = try RotationSandbox()
    _ = try box.start()
    _ = try box.switchNow(FakeChecker(), force: true, now: Self.switchedAt)
    return box
  }

  @Test func finishWaitsForQueueLifetimePlusTTLAndSaysWhen() throws {
    let box = try switched()
    defer { box.remove() }
    let until = Self.switchedAt + 604_800 + 3600
    #expect(
      throws: RotationError.tooEarly(
        step: "finish", until: until,
        reason: "mail signed with private may still be in the queue "
          + "(switched + queuelifetime 604800s + ttl 3600s)")
    ) { try box.store.finish(EndRequest(dryRun: false, now: until - 1)) }
    #expect(box.exists(box.key("example.com", "private")))
    let result = try box.store.finish(EndRequest(dryRun: false, now: until))
    #expect(result.state.phase == .finished)
    #expect(
      result.revokingRecords.map(\.name)
        == RotationSandbox.domains.map { "private._domainkey.\($0)" })
    #expect(result.revokingRecords.allSatisfy { $0.value == "v=DKIM1; p=" })
    for domain in RotationSandbox.domains {
      #expect(!box.exists(box.key(domain, "private")))
      #expect(box.exists(box.key(domain, "s202612")))
    }
    #expect(result.removed.count == 6)
    #expect(result.removed.allSatisfy { $0.to.contains("/.removed/") })
    // Again: nothing left to do.
    #expect(try box.store.finish(EndRequest(dryRun: false, now: until)).removed.isEmpty)
  }

  @Test func finishReadsQueueLifetimeAndForceSkipsTheWait() throws {
    let box = try switched()
    defer { box.remove() }
    try box.tmp.write("86400\n", to: "var/qmail/control/queuelifetime")
    #expect(box.store.queueLifetime() == 86400)
    #expect(throws: RotationError.self) {
      try box.store.finish(EndRequest(dryRun: false, now: Self.switchedAt + 86400))
    }
    let dry = try box.store.finish(EndRequest(force: true, dryRun: true, now: Self.switchedAt))
    #expect(dry.removed.isEmpty)
    #expect(box.exists(box.key("example.com", "private")))
    _ = try box.store.finish(EndRequest(dryRun: false, now: Self.switchedAt + 86400 + 3600))
    #expect(!box.exists(box.key("example.com", "private")))
  }

  @Test func finishRefusedBeforeTheSwitch() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    #expect(
      throws: RotationError.wrongPhase(
        step: "finish", phase: "started", hint: "switch first with toaster-dk rotate switch")
    ) { try box.store.finish(EndRequest(force: true, dryRun: false, now: 0)) }
  }

  @Test func abortAfterSwitchPutsTheOldSelectorBackAndRemovesTheNewKeys() throws {
    let box = try switched()
    defer { box.remove() }
    let dry = try box.store.abort(EndRequest(dryRun: true, now: Self.switchedAt))
    #expect(dry.rules?.written == false)
    #expect(try box.store.signingSelectors() == ["s202612"])
    let result = try box.store.abort(EndRequest(dryRun: false, now: Self.switchedAt))
    #expect(result.state.phase == .aborted)
    #expect(try box.rulesText() == RotationSandbox.rules)
    for domain in RotationSandbox.domains {
      #expect(!box.exists(box.key(domain, "s202612")))
      #expect(box.exists(box.key(domain, "private")))
    }
    #expect(try box.store.abort(EndRequest(dryRun: false, now: 0)).removed.isEmpty)
    // A new rotation can start over the aborted one.
    #expect(try box.start(selector: "s202701").created.count == 3)
  }

  @Test func abortReleasesAndRemovesHeldKeys() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    _ = try box.switchNow(FakeChecker(), only: ["example.com"], force: true, now: 0)
    #expect(box.exists(box.key("example.net", ".s202612.held")))
    _ = try box.store.abort(EndRequest(dryRun: false, now: 0))
    #expect(!box.exists(box.key("example.net", ".s202612.held")))
    #expect(!box.exists(box.key("example.net", "s202612")))
  }

  @Test func abortRefusedOnceFinishHasBegun() throws {
    let box = try switched()
    defer { box.remove() }
    _ = try box.store.finish(EndRequest(force: true, dryRun: false, now: Self.switchedAt))
    #expect(throws: RotationError.self) {
      try box.store.abort(EndRequest(dryRun: false, now: Self.switchedAt))
    }
    #expect(try box.rulesText().contains("%/s202612"))
  }
}
