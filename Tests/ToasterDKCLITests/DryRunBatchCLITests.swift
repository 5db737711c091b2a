import Foundation
import TestSupport
import Testing

/// test-sign and test-verify over several messages, odd inputs, and the rule they judge by.
@Suite struct DryRunBatchCLITests {
  private func sandbox() throws -> Sandbox {
    try Sandbox.signing(messages: ["a.eml", "b.eml"])
  }

  private func array(_ result: ProcessResult) -> [[String: Any]] {
    ((try? JSONSerialization.jsonObject(with: Data(result.stdout))) as? [[String: Any]]) ?? []
  }

  // Issue 7 item 13: with no --client-ip, 127.0.0.1 matched the signing rule.
  @Test func verifyJudgesAsAClientFromTheWorldAndSaysWhichRule() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["test-verify", sandbox.join("a.eml")])
    #expect(result.status == 0)
    #expect(
      result.stderrText.contains(
        "toaster-dk: a client from the world (no --client-ip): the default rule ':'"
          + " (\(sandbox.join("etc/tcprules.d/tcp.smtp")):2)"))
    #expect(result.stdoutText.contains("qmail-dk: DKVERIFY=BDEGIJKfh → accept"))
    let local = try sandbox.run(["test-verify", "--client-ip", "127.0.0.1", sandbox.join("a.eml")])
    #expect(local.stderrText.contains("client 127.0.0.1: rule '127.:'"))
    #expect(local.stdoutText.contains("so it does not verify"))
  }

  // Issue 7 item 14: several signed messages were written one after the other to stdout.
  @Test func severalSignedMessagesGoToAnOutputDirectoryOrAreRefused() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let messages = [sandbox.join("a.eml"), sandbox.join("b.eml")]
    let refused = try sandbox.run(["test-sign"] + messages)
    #expect(refused.status == 64)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderrText.contains("give --output-dir DIR"))
    try FileManager.default.createDirectory(
      atPath: sandbox.join("out"), withIntermediateDirectories: true)
    let written = try sandbox.run(["test-sign", "--output-dir", sandbox.join("out")] + messages)
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty)
    #expect(directoryEntries(sandbox.join("out")) == ["a.eml", "b.eml"])
    let signed = try String(contentsOfFile: sandbox.join("out/a.eml"), encoding: .utf8)
    #expect(signed.hasPrefix("Comment: DomainKeys?"))
    #expect(signed.hasSuffix(Sandbox.message))
    let verified = try sandbox.run([
      "test-verify", "--client-ip", "192.0.2.7", sandbox.join("out/a.eml"),
    ])
    #expect(verified.status == 0)
  }

  @Test func signJSONDescribesEachMessage() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run([
      "test-sign", "--json", "--method", "both", sandbox.join("a.eml"), sandbox.join("b.eml"),
    ])
    #expect(result.status == 0)
    let rows = array(result)
    #expect(rows.count == 2)
    #expect(rows.first?["outcome"] as? String == "signed")
    #expect((rows.first?["headers"] as? String)?.contains("DKIM-Signature: v=1") == true)
    #expect(rows.first?["failed_signatures"] as? [String] == [])
    let keys = rows.first?["keys"] as? [[String: Any]]
    #expect(keys?.first?["domain"] as? String == "example.com")
    #expect(keys?.first?["bits"] as? Int == 1024)
    let check = rows.first?["self_check"] as? [String: Any]
    #expect(check?["dk_status"] as? String == "A")
  }

  // Issue 7 item 15: one unreadable file ended the whole batch.
  @Test func anUnreadableMessageIsReportedInItsRowAndTheBatchGoesOn() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let paths = [sandbox.join("a.eml"), sandbox.join("missing.eml"), sandbox.join("b.eml")]
    let table = try sandbox.run(["test-verify", "--dkverify", ""] + paths)
    #expect(table.status == 66)
    let lines = table.stdoutText.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[2].contains("error: unable to open \(paths[1]): no such file or directory"))
    #expect(lines.last == "3 messages: 2 accepted, 0 rejected, 1 unreadable")
    let json = try sandbox.run(["test-verify", "--dkverify", "", "--json"] + paths)
    #expect(json.status == 66)
    let rows = array(json)
    #expect(rows.count == 3)
    #expect(rows[1]["exit_status"] as? Int == 66)
    #expect(rows[2]["decision"] as? String == "accept")
  }

  // Issue 7 item 15: test-verify /dev/zero grew to gigabytes.
  @Test func inputThatIsNotARegularFileIsReadUpToALimit() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let zero = try sandbox.run(["test-verify", "--max-size", "2M", "/dev/zero"])
    #expect(zero.status == 65)
    #expect(
      zero.stderrText.contains(
        "unable to read /dev/zero: more than 2097152 bytes, the limit for input that is not a"
          + " regular file; raise it with --max-size"))
    // Through a shell pipe: the writer must not be this process, which SIGPIPE would kill
    // when toaster-dk stops reading at the limit.
    let piped = try ProcessRunner.run(
      "/bin/sh",
      [
        "-c", "head -c 3145728 /dev/zero | \"$0\" test-verify --max-size 2M - --root \"$1\"",
        BuiltBinary.toasterDK, sandbox.root,
      ])
    #expect(piped.status == 65)
    #expect(piped.stderrText.contains("unable to read standard input: more than 2097152 bytes"))
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
    let raised = try sandbox.run(
      ["test-verify", "--max-size", "4M", "--dkverify", "", "-"], stdin: big)
    #expect(raised.status == 0)
    #expect(try sandbox.run(["test-verify", "--max-size", "lots", "-"]).status == 64)
  }

  // Issue 7 item 16: only rules check said that the cdb no longer matches tcp.smtp.
  @Test func signAndVerifyWarnWhenTheCDBIsStale() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write(Sandbox.signingRules + "10.:deny\n", to: "etc/tcprules.d/tcp.smtp")
    let warning =
      "toaster-dk: warning: \(sandbox.join("etc/tcprules.d/tcp.smtp.cdb")) is stale: it does"
      + " not match tcp.smtp; run 'toaster-dk rules compile'"
    let signed = try sandbox.run(["test-sign", sandbox.join("a.eml")])
    #expect(signed.stderrText.contains(warning))
    let verified = try sandbox.run(["test-verify", sandbox.join("a.eml")])
    #expect(verified.stderrText.contains(warning))
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    #expect(!(try sandbox.run(["test-sign", sandbox.join("a.eml")]).stderrText.contains("stale")))
  }
}
