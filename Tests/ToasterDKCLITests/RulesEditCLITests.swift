import Foundation
import TestSupport
import Testing

@Suite struct RulesEditCLITests {
  private func rules(_ sandbox: Sandbox) throws -> String {
    String(decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp"), as: UTF8.self)
  }

  @Test func setSignThenAgainIsUnchangedAndDoesNotRewrite() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = try sandbox.run(["rules", "set-sign"])
    expectTranscript(first, in: sandbox, matches: "rules-set-sign")
    #expect(first.status == 0)
    let rulesPath = sandbox.join("etc/tcprules.d/tcp.smtp")
    let before = try FileManager.default.attributesOfItem(atPath: rulesPath)
    let second = try sandbox.run(["rules", "set-sign"])
    expectTranscript(second, in: sandbox, matches: "rules-set-sign-again")
    let after = try FileManager.default.attributesOfItem(atPath: rulesPath)
    #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
    #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    #expect(try rules(sandbox).components(separatedBy: "DKSIGN=").count == 3)
  }

  @Test func setVerifyGoesOnNonRelayRulesOnlyAndKeepsBackup() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let result = try sandbox.run(["rules", "set-verify", "DEGIJKfh"])
    expectTranscript(result, in: sandbox, matches: "rules-set-verify")
    #expect(result.status == 0)
    let lines = try rules(sandbox).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[1] == "127.:allow,RELAYCLIENT=\"\"")
    #expect(lines[2].hasSuffix(",DKVERIFY=\"DEGIJKfh\""))
    let backup = String(
      decoding: try sandbox.directory.read("etc/tcprules.d/tcp.smtp.bak"), as: UTF8.self)
    #expect(backup == original)
  }

  @Test func setVerifyRefusesAWithoutForce() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let result = try sandbox.run(["rules", "set-verify", "ABDEG"])
    expectTranscript(result, in: sandbox, matches: "rules-set-verify-a")
    #expect(result.status == 64)
    #expect(try rules(sandbox) == original)
  }

  @Test func setVerifyRejectsUnknownLetters() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "set-verify", "DEXz"])
    expectTranscript(result, in: sandbox, matches: "rules-set-verify-invalid")
    #expect(result.status == 64)
  }

  @Test func dryRunPrintsDiffAndWritesNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let result = try sandbox.run(["rules", "set-queue", "--dry-run"])
    expectTranscript(result, in: sandbox, matches: "rules-set-queue-dry-run")
    #expect(result.status == 0)
    #expect(try rules(sandbox) == original)
    #expect(!FileManager.default.fileExists(atPath: sandbox.join("etc/tcprules.d/tcp.smtp.cdb")))
  }

  // Issue 7 item 6: the help said a loop is refused, but it was only a warning.
  @Test func setQueueRefusesALoopWithoutForceAndWarnsAboutAMissingProgram() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let result = try sandbox.run(["rules", "set-queue", "/var/qmail/bin/qmail-queue"])
    expectTranscript(result, in: sandbox, matches: "rules-set-queue-loop")
    #expect(result.status == 64)
    #expect(try rules(sandbox) == original)
    let forced = try sandbox.run(["rules", "set-queue", "bin/qmail-queue", "--force"])
    #expect(forced.status == 0)
    #expect(forced.stderrText.hasPrefix("toaster-dk: warning: bin/qmail-queue "))
    #expect(try rules(sandbox).contains("DKQUEUE=\"bin/qmail-queue\""))
    let missing = try sandbox.run(["rules", "set-queue", "/opt/none", "--dry-run"])
    #expect(missing.status == 0)
    #expect(missing.stderrText.contains("/opt/none does not exist"))
  }

  @Test func setQueueAndLintRefuseSimscanThatHandsBackToQmailQueue() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write(
      Array("ELF\0/var/qmail/bin/qmail-queue\0".utf8), to: "var/qmail/bin/simscan")
    let result = try sandbox.run(["rules", "set-queue", "/var/qmail/bin/simscan"])
    #expect(result.status == 64)
    #expect(result.stderrText.contains("is simscan, which hands mail back to qmail-queue"))
    try sandbox.directory.write(
      ":allow,DKQUEUE=\"/var/qmail/bin/simscan\"\n", to: "etc/tcprules.d/tcp.smtp")
    let lint = try sandbox.run(["rules", "lint"])
    #expect(lint.status == 65)
    #expect(lint.stderrText.contains("error: DKQUEUE: /var/qmail/bin/simscan is simscan"))
  }

  @Test func jsonSaysWhetherItChanged() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = try sandbox.run(["rules", "unset", "QMAILQUEUE", "--json"])
    #expect(first.stdoutText.hasPrefix("{\"changed\":true,"))
    let second = try sandbox.run(["rules", "unset", "QMAILQUEUE", "--json"])
    #expect(second.stdoutText.hasPrefix("{\"changed\":false,"))
  }

  @Test func unknownAddressIsAnErrorAndChangesNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let original = try rules(sandbox)
    let result = try sandbox.run(["rules", "set-sign", "--address", "10.9.9."])
    expectTranscript(result, in: sandbox, matches: "rules-set-sign-unknown-address")
    #expect(result.status != 0)
    #expect(try rules(sandbox) == original)
  }

  // Each run removes a different variable; a lost update (two read-modify-writes
  // overlapping) would bring a removed variable back.
  @Test func concurrentEditsAreNeverLost() throws {
    let count = 24
    let settings = (0..<count).map { ",VAR\($0)=\"\($0)\"" }.joined()
    let sandbox = try Sandbox(rules: "127.:allow,RELAYCLIENT=\"\"\(settings)\n:allow\n")
    defer { sandbox.remove() }
    let statuses = ConcurrentStatuses(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = try? sandbox.run(["rules", "unset", "VAR\(index)", "--quiet"])
      statuses.set(index, result?.status ?? -1)
    }
    #expect(statuses.values == Array(repeating: 0, count: count))
    #expect(try rules(sandbox) == "127.:allow,RELAYCLIENT=\"\"\n:allow\n")
    #expect(directoryEntries(sandbox.join("etc/tcprules.d")).allSatisfy { !$0.hasPrefix(".") })
  }
}

/// Exit statuses collected from concurrent runs.
private final class ConcurrentStatuses: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Int32]

  init(count: Int) { storage = Array(repeating: -2, count: count) }

  func set(_ index: Int, _ status: Int32) {
    lock.lock()
    storage[index] = status
    lock.unlock()
  }

  var values: [Int32] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
