import Foundation
import TestSupport
import Testing

/// Edits whose cdb cannot be written, unchanged edits over a stale cdb, and a `--cdb` that
/// names the rules file (issue 7, items 1 to 4).
@Suite struct RulesEditFailureCLITests {
  private let rulesDirectory = "etc/tcprules.d"

  @Test func editWhoseCdbCannotBeReplacedChangesNothingAndIsRetried() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let before = try sandbox.directory.read("\(rulesDirectory)/tcp.smtp")
    try FileManager.default.createDirectory(
      atPath: sandbox.join("\(rulesDirectory)/tcp.smtp.cdb"), withIntermediateDirectories: false)
    let failed = try sandbox.run(["rules", "set-sign"])
    expectTranscript(failed, in: sandbox, matches: "rules-set-sign-cdb-is-directory")
    #expect(failed.status == 73)
    #expect(try sandbox.directory.read("\(rulesDirectory)/tcp.smtp") == before)
    #expect(
      directoryEntries(sandbox.join(rulesDirectory)) == ["tcp.smtp", "tcp.smtp.cdb"])
    try FileManager.default.removeItem(atPath: sandbox.join("\(rulesDirectory)/tcp.smtp.cdb"))
    let retried = try sandbox.run(["rules", "set-sign"])
    #expect(retried.status == 0)
    #expect(retried.stderrText.hasPrefix("toaster-dk: updated "))
    #expect(try sandbox.directory.read("\(rulesDirectory)/tcp.smtp.bak") == before)
  }

  @Test func unchangedEditRecompilesAMissingCdbAndSaysSo() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "set-sign", "-q"]).status == 0)
    try FileManager.default.removeItem(atPath: sandbox.join("\(rulesDirectory)/tcp.smtp.cdb"))
    let again = try sandbox.run(["rules", "set-sign"])
    expectTranscript(again, in: sandbox, matches: "rules-set-sign-recompiles-missing-cdb")
    #expect(again.status == 0)
    let check = try sandbox.run(["rules", "check", "127.0.0.1"])
    #expect(check.stdoutText.hasPrefix("rule 127.:\n"))
    let uncompiled = try sandbox.run(["rules", "set-sign", "--no-compile", "-q"])
    #expect(uncompiled.status == 0)
    #expect(uncompiled.stderrText.isEmpty)
    try FileManager.default.removeItem(atPath: sandbox.join("\(rulesDirectory)/tcp.smtp.cdb"))
    let warned = try sandbox.run(["rules", "set-sign", "--no-compile"])
    #expect(warned.stderrText.contains("tcp.smtp.cdb is missing"))
  }

  @Test(arguments: ["tcp.smtp", "tcp.smtp.bak", "hard-link"])
  func cdbNamingTheRulesFileIsAUsageError(name: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "set-sign", "-q"]).status == 0)
    let rules = sandbox.join("\(rulesDirectory)/tcp.smtp")
    link(rules, sandbox.join("\(rulesDirectory)/hard-link"))
    let before = try sandbox.directory.read("\(rulesDirectory)/tcp.smtp")
    let backup = try sandbox.directory.read("\(rulesDirectory)/tcp.smtp.bak")
    let cdb = sandbox.join("\(rulesDirectory)/\(name)")
    for command in [["rules", "compile"], ["rules", "set-verify", "DEGIJKfh"]] {
      let result = try sandbox.run(command + ["--cdb", cdb])
      #expect(result.status == 64, "\(command)")
      #expect(result.stderrText.contains("which the cdb would overwrite"), "\(command)")
    }
    #expect(try sandbox.directory.read("\(rulesDirectory)/tcp.smtp") == before)
    #expect(try sandbox.directory.read("\(rulesDirectory)/tcp.smtp.bak") == backup)
  }
}
