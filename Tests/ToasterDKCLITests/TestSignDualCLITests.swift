import Foundation
import TestSupport
import Testing

/// rsa-sha256 and ed25519-sha256 DKIM signatures on one message (RFC 8463 §4).
@Suite struct TestSignDualCLITests {
  static let keys = "var/qmail/control/domainkeys/example.com"

  // A throw-away Ed25519 key, fixed so the transcript stays the same (Ed25519 signatures are
  // deterministic, as are RSA PKCS#1 v1.5 ones).
  static let ed25519Key = """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIK6oA+Sgx8f1ER0rrSBaiGDKJ+gBD3ihIf4M/gYx8Td2
    -----END PRIVATE KEY-----

    """

  private func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox(rules: ":allow,DKVERIFY=\"BDEGIJKfh\"\n")
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    try sandbox.directory.write(TestKeys.rsa1024, to: Self.keys + "/rsa")
    try sandbox.directory.write(Self.ed25519Key, to: Self.keys + "/ed")
    try sandbox.directory.write(Sandbox.message, to: "message.eml")
    return sandbox
  }

  @Test func selectorsFromTheKeyDirectorySignAndSelfCheckBoth() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run([
      "test-sign", "--signer-user", "root", "--method", "dkim", "--selector", "rsa", "--selector",
      "ed", "--time",
      "1700000000", sandbox.join("message.eml"),
    ])
    expectTranscript(signed, in: sandbox, matches: "test-sign-dual")
    try sandbox.directory.write(signed.stdoutText, to: "signed.eml")
    let verified = try sandbox.run(["test-verify", sandbox.join("signed.eml")])
    expectTranscript(verified, in: sandbox, matches: "test-verify-dual")
    let early = try sandbox.run(["test-verify", "--time", "1699990000", sandbox.join("signed.eml")])
    expectTranscript(early, in: sandbox, matches: "test-verify-dual-future")
  }

  @Test func keysGivenDirectlyNeedOneSelectorEachAndDKIM() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let keys = [
      "--key", sandbox.join(Self.keys + "/ed"), "--key", sandbox.join(Self.keys + "/rsa"),
    ]
    let both = try sandbox.run(
      ["test-sign", "--method", "both", "--header-only", "--selector", "ed", "--selector", "rsa"]
        + keys + [sandbox.join("message.eml")])
    #expect(both.status == 1)
    #expect(both.stderrText.contains("qmail-dk would reject"))
    let dkim = try sandbox.run(
      ["test-sign", "--method", "dkim", "--header-only", "--selector", "ed", "--selector", "rsa"]
        + keys + [sandbox.join("message.eml")])
    #expect(dkim.status == 0)
    #expect(
      dkim.stderrText.contains("self-check: DKIM #1: pass; d=example.com s=ed a=ed25519-sha256"))
    #expect(dkim.stderrText.contains("self-check: DKIM #2: pass; d=example.com s=rsa a=rsa-sha256"))
    let unpaired = try sandbox.run(
      ["test-sign", "--method", "dkim", "--selector", "ed"] + keys + [sandbox.join("message.eml")])
    #expect(unpaired.status == 64)
    #expect(unpaired.stderrText.contains("give one --selector per --key"))
    let domainKeysOnly = try sandbox.run(
      ["test-sign", "--selector", "ed", "--selector", "rsa", sandbox.join("message.eml")])
    #expect(domainKeysOnly.status == 64)
    #expect(domainKeysOnly.stderrText.contains("several keys sign DKIM only"))
  }

  @Test func keysMadeByDomainAddSignBoth() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    for arguments in [["--selector", "rsa"], ["--selector", "ed", "--algorithm", "ed25519"]] {
      let add = try sandbox.run(["domain", "add", "example.org", "--group", testGroup] + arguments)
      #expect(add.status == 0, "\(add)")
    }
    try sandbox.directory.write(
      Sandbox.message.replacing("example.com", with: "example.org"), to: "m.eml")
    let signed = try sandbox.run([
      "test-sign", "--method", "both", "--selector", "rsa", "--selector", "ed",
      sandbox.join("m.eml"),
    ])
    #expect(signed.status == 0, "\(signed)")
    #expect(signed.stderrText.contains("self-check: DomainKeys A (DK_STAT_OK)"))
    #expect(
      signed.stderrText.contains("self-check: DKIM #1: pass; d=example.org s=rsa a=rsa-sha256"))
    #expect(
      signed.stderrText.contains("self-check: DKIM #2: pass; d=example.org s=ed a=ed25519-sha256"))
  }
}
