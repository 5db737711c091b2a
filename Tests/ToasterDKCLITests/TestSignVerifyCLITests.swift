import Foundation
import TestSupport
import Testing

@Suite struct TestSignVerifyCLITests {
  private static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    10.0.0.1:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/example.com/fixed"
    :allow,DKVERIFY="BDEGIJKfh"

    """

  private func sandbox() throws -> Sandbox {
    try Sandbox.signing(rules: Self.rules, messages: ["message.eml"])
  }

  @Test func signsAsQmailDKThenVerifiesForTheWorld() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run([
      "test-sign", "--signer-user", "root", sandbox.join("message.eml"),
    ])
    expectTranscript(signed, in: sandbox, matches: "test-sign-qmail-dk")
    try sandbox.directory.write(signed.stdoutText, to: "signed.eml")
    let verified = try sandbox.run([
      "test-verify", "--client-ip", "192.0.2.7", sandbox.join("signed.eml"),
    ])
    expectTranscript(verified, in: sandbox, matches: "test-verify-good")
    try sandbox.directory.write(signed.stdoutText.replacing("Hello", with: "Jello"), to: "bad.eml")
    let bad = try sandbox.run(["test-verify", "--client-ip", "192.0.2.7", sandbox.join("bad.eml")])
    expectTranscript(bad, in: sandbox, matches: "test-verify-bad")
    #expect(bad.status == 1)
  }

  @Test func missingKeyIsSilentUnderPercentAndRejectedWithout() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write("From: x@other.example\n\nhi\n", to: "other.eml")
    let silent = try sandbox.run(["test-sign", "--signer-user", "root", sandbox.join("other.eml")])
    expectTranscript(silent, in: sandbox, matches: "test-sign-unsigned")
    #expect(silent.status == 0)
    let rejected = try sandbox.run([
      "test-sign", "--signer-user", "root", "--client-ip", "10.0.0.1", sandbox.join("message.eml"),
    ])
    expectTranscript(rejected, in: sandbox, matches: "test-sign-rejected")
    #expect(rejected.status == 1)
  }

  @Test func bothMethodsSelfVerifyAndJSONReportsEachMessage() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run([
      "test-sign", "--method", "both", "--canon", "relaxed/relaxed", "--time", "1700000000",
      sandbox.join("message.eml"),
    ])
    #expect(signed.status == 0)
    #expect(signed.stderrText.contains("self-check: DKIM #1: pass"))
    try sandbox.directory.write(signed.stdoutText, to: "both.eml")
    let json = try sandbox.run([
      "test-verify", "--json", "--dkverify", "B", sandbox.join("both.eml"),
      sandbox.join("message.eml"),
    ])
    #expect(json.status == 0)
    #expect(json.stdoutText.contains("\"dk_status\":\"A\""))
    #expect(json.stdoutText.contains("\"result\":\"pass\""))
  }

  @Test func verifiesAMaildirInSortedOrderWithASummaryTable() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run(["test-sign", sandbox.join("message.eml")]).stdoutText
    try sandbox.directory.write(signed, to: "Maildir/new/2.b")
    try sandbox.directory.write(signed.replacing("Hello", with: "Jello"), to: "Maildir/cur/1.a:2,S")
    try sandbox.directory.write(signed, to: "Maildir/tmp/0.partial")
    try sandbox.directory.write(Sandbox.message, to: "Maildir/cur/.hidden")
    // Run inside the sandbox with a relative path, so the table's columns do not depend on
    // the temp directory's name.
    let verified = try ProcessRunner.run(
      BuiltBinary.toasterDK,
      ["test-verify", "--client-ip", "192.0.2.7", "Maildir", "--root", sandbox.root],
      currentDirectory: sandbox.root)
    expectTranscript(verified, in: sandbox, matches: "test-verify-maildir")
    try sandbox.directory.write(Sandbox.message, to: "plain/a.eml")
    try sandbox.directory.write(Sandbox.message, to: "plain/b.eml")
    try FileManager.default.createDirectory(
      atPath: sandbox.join("headers"), withIntermediateDirectories: true)
    let headers = try sandbox.run([
      "test-sign", "--header-only", "--output-dir", sandbox.join("headers"), sandbox.join("plain"),
    ])
    #expect(headers.status == 0)
    for name in ["a.eml", "b.eml"] {
      let written = try String(contentsOfFile: sandbox.join("headers/\(name)"), encoding: .utf8)
      #expect(written.components(separatedBy: "DomainKey-Signature:").count == 2)
      #expect(!written.contains("Hello"))
    }
    let tooMany = try sandbox.run([
      "test-sign", "--output", sandbox.join("out.eml"), sandbox.join("plain"),
    ])
    #expect(tooMany.status == 64)
  }

  // Over MappedFile.mappingThreshold, so the file is mapped while standard input (a pipe)
  // is read.
  @Test func mappedFileStandardInputAndOutputFileGiveTheSameBytes() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let big = Sandbox.message + String(repeating: "0123456789 abcdefghij  \n", count: 100_000)
    try sandbox.directory.write(big, to: "big.eml")
    let arguments = ["test-sign", "--method", "both", "--time", "1700000000"]
    let fromFile = try sandbox.run(arguments + [sandbox.join("big.eml")])
    let fromStdin = try sandbox.run(arguments + ["-"], stdin: Array(big.utf8))
    try FileManager.default.createDirectory(
      atPath: sandbox.join("out"), withIntermediateDirectories: true)
    let toFile = try sandbox.run(
      arguments + ["--output", sandbox.join("out/signed.eml"), sandbox.join("big.eml")])
    #expect([fromFile.status, fromStdin.status, toFile.status] == [0, 0, 0])
    #expect(fromFile.stderrText.contains("self-check: DKIM #1: pass"))
    #expect(fromFile.stdoutText.hasSuffix(big))
    #expect(fromStdin.stdoutText == fromFile.stdoutText)
    #expect(toFile.stdoutText.isEmpty)
    #expect(try sandbox.directory.read("out/signed.eml") == Array(fromFile.stdoutText.utf8))
    #expect(directoryEntries(sandbox.join("out")) == ["signed.eml"])
    try sandbox.directory.write(fromFile.stdoutText, to: "signed.eml")
    let verified = try sandbox.run([
      "test-verify", "--client-ip", "192.0.2.7", sandbox.join("signed.eml"),
    ])
    #expect(verified.status == 0)
    #expect(verified.stdoutText.contains("DKIM #1: pass"))
  }

  @Test func badArgumentsAreUsageErrors() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["test-verify", "--dkverify", "BX", sandbox.join("message.eml")]).status == 64
    )
    #expect(
      try sandbox.run([
        "test-sign", "--canon", "nofws", "--method", "dkim", sandbox.join("message.eml"),
      ]).status == 64)
    #expect(try sandbox.run(["test-verify", sandbox.join("missing.eml")]).status == 66)
  }
}
