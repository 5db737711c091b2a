import Foundation
import TestSupport
import Testing

/// Every rotate step killed with SIGKILL at random points, then run again: after the kill
/// tcp.smtp is the old or the new file and the state file is whole; the re-run completes.
@Suite struct RotateKillCLITests {
  static let switchedRules = RotateCLITests.rules.replacingOccurrences(
    of: "%/private", with: "%/s202612")
  static let keys = "var/qmail/control/domainkeys"
  static let selectors = "var/qmail/control/toaster-dk/remote-selectors"

  enum Step: String, CaseIterable {
    case start, switchForced, finish, abort
  }

  static func arguments(_ step: Step) -> [String] {
    switch step {
    case .start:
      ["rotate", "start", "--selector", "s202612", "--group", testGroup, "--time", "0", "-q"]
    case .switchForced: ["rotate", "switch", "--force", "--time", "0", "-q"]
    case .finish: ["rotate", "finish", "--force", "--time", "0", "-q"]
    case .abort: ["rotate", "abort", "--time", "0", "-q"]
    }
  }

  /// A sandbox where `step` is the next step to run.
  static func sandbox(before step: Step) throws -> Sandbox {
    let sandbox = try RotateCLITests.rotationSandbox()
    // The queue-exit signer's selectors move with tcp.smtp, in the same step.
    try sandbox.directory.write("*:private\n", to: selectors)
    if step == .start { return sandbox }
    let start = try sandbox.run(
      [
        "rotate", "start", "--selector", "s202612", "--group", testGroup, "--bits", "1024",
        "--legacy-key-size", "--time", "0", "-q",
      ])
    try #require(start.status == 0, "\(start)")
    if step == .switchForced { return sandbox }
    try #require(try sandbox.run(arguments(.switchForced)).status == 0)
    return sandbox
  }

  static func phase(_ sandbox: Sandbox) throws -> String {
    let path = sandbox.join("\(keys)/.rotation")
    guard FileManager.default.fileExists(atPath: path) else { return "none" }
    let text = String(decoding: try sandbox.directory.read("\(keys)/.rotation"), as: UTF8.self)
    #expect(text.hasSuffix("\n") && text.contains("\nstarted "), "partial state file: \(text)")
    let line = text.split(separator: "\n").first { $0.hasPrefix("phase ") }
    return line.map { String($0.dropFirst(6)) } ?? "no phase line"
  }

  static func expectFinal(_ step: Step, _ sandbox: Sandbox) throws {
    let rules = String(
      decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
    let signer = String(decoding: try sandbox.directory.read(selectors), as: UTF8.self)
    #expect(signer == ([.start, .abort].contains(step) ? "*:private\n" : "*:s202612\n"))
    let check = try sandbox.run(["rules", "check", "127.0.0.1"])
    let exists = { (domain: String, name: String) in
      FileManager.default.fileExists(atPath: sandbox.join("\(keys)/\(domain)/\(name)"))
    }
    switch step {
    case .start:
      #expect(try phase(sandbox) == "started")
      #expect(RotateCLITests.domains.allSatisfy { exists($0, "s202612") && exists($0, "private") })
      #expect(rules == RotateCLITests.rules)
    case .switchForced:
      #expect(try phase(sandbox) == "switched")
      #expect(rules == switchedRules)
      #expect(check.stdoutText.contains("DKSIGN=/var/qmail/control/domainkeys/%/s202612\n"))
    case .finish:
      #expect(try phase(sandbox) == "finished")
      #expect(RotateCLITests.domains.allSatisfy { exists($0, "s202612") && !exists($0, "private") })
    case .abort:
      #expect(try phase(sandbox) == "aborted")
      #expect(rules == RotateCLITests.rules)
      #expect(check.stdoutText.contains("DKSIGN=/var/qmail/control/domainkeys/%/private\n"))
      #expect(RotateCLITests.domains.allSatisfy { !exists($0, "s202612") && exists($0, "private") })
    }
    // No cdb left stale, whatever the kill interrupted.
    #expect(!check.stderrText.contains("stale"), "\(check)")
  }

  @Test(arguments: Step.allCases)
  func killedStepLeavesOldOrNewAndCompletesOnTheNextRun(step: Step) throws {
    var phases: [String] = []
    for attempt in 0..<6 {
      let sandbox = try Self.sandbox(before: step)
      defer { sandbox.remove() }
      let before = try Self.phase(sandbox)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: BuiltBinary.toasterDK)
      process.arguments = Self.arguments(step) + ["--root", sandbox.root]
      process.standardError = FileHandle.nullDevice
      try process.run()
      if attempt % 2 == 0 {
        // Wait until the step has recorded that it began, then kill: mid-step.
        let deadline = Date().addingTimeInterval(10)
        while (try? Self.phase(sandbox)) == before, Date() < deadline { usleep(100) }
      } else {
        usleep(UInt32(attempt) * 40_000 + UInt32.random(in: 0...40_000))
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = try Self.phase(sandbox)
      phases.append(after == before ? "before" : after)
      let rules = String(
        decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
      #expect([RotateCLITests.rules, Self.switchedRules].contains(rules), "mixed tcp.smtp")
      let signer = String(decoding: try sandbox.directory.read(Self.selectors), as: UTF8.self)
      #expect(["*:private\n", "*:s202612\n"].contains(signer), "partial remote-selectors")
      let again = try sandbox.run(Self.arguments(step))
      #expect(again.status == 0, "\(again)")
      try Self.expectFinal(step, sandbox)
    }
    // Some kill must land inside the step for the property to mean anything.
    let intermediate = ["starting", "switching", "finishing", "aborting"]
    #expect(phases.contains { intermediate.contains($0) }, "\(phases)")
  }
}
