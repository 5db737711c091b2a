import Foundation
import TestSupport
import Testing

@Suite struct RulesCompileCLITests {
  @Test func compilesStockRulesQuietlyOnStdout() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "compile"])
    expectTranscript(result, in: sandbox, matches: "rules-compile-stock")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let info = try FileManager.default.attributesOfItem(
      atPath: sandbox.join("etc/tcprules.d/tcp.smtp.cdb"))
    #expect((info[.posixPermissions] as? Int) == 0o644)
  }

  @Test func badLinesAreAllReportedAndTheOldCdbSurvives() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "compile"]).status == 0)
    let cdbPath = sandbox.join("etc/tcprules.d/tcp.smtp.cdb")
    let before = try Data(contentsOf: URL(fileURLWithPath: cdbPath))
    try sandbox.directory.write(
      "127.:allow,RELAYCLIENT=\"\"\n1.2.3.4:allow # trusted\n10.:permit\n:allow\n",
      to: "etc/tcprules.d/tcp.smtp")
    let result = try sandbox.run(["rules", "compile"])
    expectTranscript(result, in: sandbox, matches: "rules-compile-bad-lines")
    #expect(result.status == 65)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cdbPath)) == before)
    #expect(directoryEntries(sandbox.join("etc/tcprules.d")) == ["tcp.smtp", "tcp.smtp.cdb"])
  }

  @Test func missingRulesFileIsMissingInput() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.removeItem(atPath: sandbox.join("etc/tcprules.d/tcp.smtp"))
    let result = try sandbox.run(["rules", "compile"])
    expectTranscript(result, in: sandbox, matches: "rules-compile-missing")
    #expect(result.status == 66)
  }

  @Test func jsonReportsRecordCount() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["rules", "compile", "--json"])
    #expect(result.status == 0)
    #expect(
      result.stdoutText.replacingOccurrences(of: sandbox.root, with: "$ROOT")
        == "{\"cdb\":\"$ROOT/etc/tcprules.d/tcp.smtp.cdb\",\"records\":2}\n")
  }

  @Test(.enabled(if: RealBinary.find("tcprules") != nil, "ucspi-tcp's tcprules is not installed"))
  func cdbIsByteIdenticalToTcprules() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "compile"]).status == 0)
    let rules = try sandbox.directory.read("etc/tcprules.d/tcp.smtp")
    let tcprules = try #require(RealBinary.find("tcprules"))
    let real = try ProcessRunner.run(
      tcprules, [sandbox.join("ref.cdb"), sandbox.join("ref.tmp")], stdin: rules)
    #expect(real.status == 0)
    #expect(
      try sandbox.directory.read("ref.cdb") == sandbox.directory.read("etc/tcprules.d/tcp.smtp.cdb")
    )
  }
}
