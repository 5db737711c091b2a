import Foundation
import TestSupport
import Testing

/// The contract scripts rely on: one meaning per exit status, `--json` errors, `-q`.
@Suite struct OutputContractCLITests {
  private func sandbox() throws -> Sandbox {
    try Sandbox.signing(messages: ["message.eml"])
  }

  private func object(_ result: ProcessResult) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(result.stdout))) as? [String: Any]
  }

  @Test func rootThatDoesNotExistIsAUsageError() throws {
    for command in [["domain", "list"], ["rules", "show"], ["test-verify", "-"]] {
      let result = try BuiltBinary.run(command + ["--root", "/nonexistent/toaster-dk-root"])
      #expect(result.status == 64, "\(command)")
      #expect(result.stderrText.contains("--root /nonexistent/toaster-dk-root: no such directory"))
      #expect(!result.stderrText.contains("key directory"))
    }
  }

  // `--help` printed "toaster-dk: error: CommandError(...)" and exited 70.
  @Test func helpPrintsTheHelpAndExitsZero() throws {
    for arguments in [["--help"], ["domain", "add", "--help"], ["help", "rules", "show"]] {
      let result = try BuiltBinary.run(arguments)
      #expect(result.status == 0, "\(arguments)")
      #expect(result.stdoutText.contains("USAGE: toaster-dk"), "\(arguments)")
      #expect(!result.stderrText.contains("error"), "\(arguments)")
    }
  }

  @Test func jsonFailureIsAnErrorObjectWithTheSameStatus() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = try sandbox.run(["domain", "show", "none.example", "--json"])
    #expect(missing.status == 66)
    let error = try #require(object(missing))
    #expect(error["exit_status"] as? Int == 66)
    #expect((error["error"] as? String)?.contains("none.example") == true)
    #expect(missing.stderrText.hasPrefix("toaster-dk: error: "))

    let usage = try sandbox.run(["rules", "set-verify", "XYZ", "--json"])
    #expect(usage.status == 64)
    #expect(object(usage)?["exit_status"] as? Int == 64)

    try sandbox.directory.write("1.2.3.4:allow # trusted\n", to: "etc/tcprules.d/tcp.smtp")
    let syntax = try sandbox.run(["rules", "compile", "--json"])
    #expect(syntax.status == 65)
    let located = try #require(object(syntax)?["diagnostics"] as? [[String: Any]])
    #expect(located.first?["line"] as? Int == 1)
    #expect(located.first?["column"] as? Int == 14)
  }

  @Test func quietPrintsNothingButErrors() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let commands: [[String]] = [
      ["rules", "show"], ["rules", "check", "127.0.0.1"], ["rules", "compile"],
      ["rules", "set-queue", "/opt/none"], ["rules", "set-verify", "BDEGIJKfhA", "--force"],
      ["rules", "lint"], ["domain", "add", "other.example", "--group", testGroup, "--force"],
      ["domain", "list", "--group", testGroup], ["domain", "dns", "example.com"],
      ["test-sign", sandbox.join("message.eml")],
      ["test-verify", sandbox.join("message.eml"), sandbox.join("message.eml")],
    ]
    for command in commands {
      let loud = try sandbox.run(command)
      let result = try sandbox.run(command + ["-q"])
      #expect(result.stderr.isEmpty, "\(command): \(result.stderrText)")
      #expect(result.status == loud.status, "\(command)")
      if command[1] != "add" { #expect(result.stdout == loud.stdout, "\(command)") }
    }
    let failing = try sandbox.run(["domain", "dns", "none.example", "-q"])
    #expect(failing.status == 66)
    #expect(failing.stderrText.hasPrefix("toaster-dk: error: "))
  }

  @Test func tamperedDKIMOnlyMessageExitsOne() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run(["test-sign", "--method", "dkim", sandbox.join("message.eml")])
    #expect(signed.status == 0)
    try sandbox.directory.write(
      signed.stdoutText.replacing("Hello", with: "Jello"), to: "tampered.eml")
    let verified = try sandbox.run([
      "test-verify", "--client-ip", "192.0.2.7", "--json", sandbox.join("tampered.eml"),
    ])
    #expect(verified.status == 1)
    let summaries = try #require(
      (try? JSONSerialization.jsonObject(with: Data(verified.stdout))) as? [[String: Any]])
    #expect(summaries.first?["decision"] as? String == "accept")
    #expect(summaries.first?["failed_signatures"] as? [String] == ["dkim#1"])
  }

  @Test func failedSelfCheckExitsOne() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write(
      TestKeys.rsa1024, to: "var/qmail/control/domainkeys/other.example/private")
    let result = try sandbox.run([
      "test-sign", "--domain", "other.example", sandbox.join("message.eml"),
    ])
    #expect(result.status == 1)
    #expect(result.stderrText.contains("self-check failed: domainkeys did not verify"))
  }

  @Test func outputDirectoryThatIsMissingCannotBeCreated() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run([
      "test-sign", "--output", sandbox.join("none/signed.eml"), sandbox.join("message.eml"),
    ])
    #expect(result.status == 73)
    let input = try sandbox.run(["test-verify", sandbox.join("none.eml")])
    #expect(input.status == 66)
  }
}
