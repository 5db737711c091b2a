import Foundation
import KeyStore
import Rotation
import Testing

@Suite struct RotationStartTests {
  @Test func makesANewKeyForEverySigningDomainAndSaysWhichItSkips() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    let result = try box.start()
    #expect(result.created.map(\.text) == RotationSandbox.domains)
    for domain in RotationSandbox.domains {
      #expect(box.exists(box.key(domain, "s202612")))
      #expect(box.exists(box.key(domain, "s202612.txt")))
      #expect(box.exists(box.key(domain, "private")))
    }
    #expect(result.state.phase == .started)
    #expect(result.state.old.text == "private")
    #expect(result.state.skipped.map(\.name) == ["nokey.example"])
    #expect(result.state.skipped.first?.reason == "no key at selector private: not signing")
    #expect(
      result.records.map(\.key.name) == RotationSandbox.domains.map { "s202612._domainkey.\($0)" })
    #expect(try box.state() == result.state)
    // tcp.smtp is not touched by start.
    #expect(try box.rulesText() == RotationSandbox.rules)
  }

  @Test func runTwiceMakesNothingTheSecondTime() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    let first = try box.start()
    let pem = try box.tmp.read(box.key("example.com", "s202612"))
    let second = try box.start(selector: nil)
    #expect(second.created.isEmpty)
    #expect(second.state == first.state)
    #expect(try box.tmp.read(box.key("example.com", "s202612")) == pem)
  }

  @Test func refusesAnotherSelectorWhileOneIsInProgress() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    _ = try box.start()
    #expect(throws: RotationError.self) { try box.start(selector: "other") }
    #expect(!box.exists(box.key("example.com", "other")))
  }

  @Test func resumesAStartThatWasInterrupted() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    var state = try box.start().state
    // As a start killed after the state file and one key: the others' keys are missing.
    state.phase = .starting
    try box.tmp.write(state.render(), to: "var/qmail/control/domainkeys/.rotation")
    for domain in ["example.net", "example.org"] {
      try FileManager.default.removeItem(atPath: box.tmp.join(box.key(domain, "s202612")))
    }
    let result = try box.start(selector: nil)
    #expect(result.created.map(\.text) == ["example.net", "example.org"])
    #expect(try box.state()?.phase == .started)
  }

  @Test func defaultSelectorIsDatedAndAvoidsOneInUse() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    try box.addKey("example.net", selector: "s202612")
    let result = try box.start(selector: nil, dryRun: true)
    #expect(result.state.new.text == "s202612b")
    #expect(!box.exists(box.key("example.com", "s202612b")))
    #expect(try box.state() == nil)
  }

  @Test func refusesASelectorThatHasAKeyAlready() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    try box.addKey("example.net", selector: "s2")
    #expect(
      throws: RotationError.selectorTaken(
        path: box.tmp.join("var/qmail/control/domainkeys/example.net/s2"))
    ) { try box.start(selector: "s2") }
    #expect(!box.exists(box.key("example.com", "s2")))
  }

  @Test func refusesWithoutADKSIGNTemplateAndOnTheSameSelector() throws {
    let box = try RotationSandbox(rules: "127.:allow,RELAYCLIENT=\"\"\n")
    defer { box.remove() }
    #expect(
      throws: RotationError.noSigningTemplate(rulesPath: box.paths.rulesFile)
    ) { try box.start() }
    let signing = try RotationSandbox()
    defer { signing.remove() }
    #expect(throws: RotationError.sameSelector("private")) {
      try signing.start(selector: "private")
    }
  }

  @Test func stateFileRoundTripsAndNamesTheBadLine() throws {
    let box = try RotationSandbox()
    defer { box.remove() }
    let state = try box.start().state
    #expect(try RotationState.parse(state.render(), path: "x") == state)
    var text = String(decoding: state.render(), as: UTF8.self)
    text = text.replacingOccurrences(of: "phase started", with: "phase sideways")
    #expect(throws: RotationError.malformedState(path: "x", line: 0, reason: "no valid phase line"))
    {
      try RotationState.parse(Array(text.utf8), path: "x")
    }
    let bad = Array((String(decoding: state.render(), as: UTF8.self) + "domain bad\n").utf8)
    #expect(
      throws: RotationError.malformedState(
        path: "x", line: 13, reason: "expected: domain NAME waiting|switched|held [FIRST-SEEN]")
    ) { try RotationState.parse(bad, path: "x") }
  }
}
