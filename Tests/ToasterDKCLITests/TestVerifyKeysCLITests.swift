import Foundation
import TestSupport
import Testing

/// test-verify's key options without DNS: `--keys local`, the rsa-sha1 rule of RFC 8301
/// and its legacy option, and which combinations are refused.
struct TestVerifyKeysCLITests {
  private func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox(rules: ":allow,DKVERIFY=\"DEGIJKfh\"\n")
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    try sandbox.directory.write(
      TestKeys.rsa1024, to: "var/qmail/control/domainkeys/example.com/private")
    try sandbox.directory.write(Sandbox.message, to: "message.eml")
    return sandbox
  }

  @Test func rsaSHA1DKIMFailsUnderRFC8301UnlessTheLegacyOptionIsGiven() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let signed = try sandbox.run([
      "test-sign", "--method", "dkim", "--legacy-rsa-sha1", "--domain", "example.com",
      "--selector", "private", "--signer-user", "root", sandbox.join("message.eml"),
    ])
    #expect(signed.status == 0, "\(signed)")
    #expect(signed.stdoutText.hasPrefix("DKIM-Signature: v=1; a=rsa-sha1;"))
    try sandbox.directory.write(signed.stdoutText, to: "sha1.eml")
    let strict = try sandbox.run(["test-verify", "--keys", "local", sandbox.join("sha1.eml")])
    #expect(strict.status == 1)
    #expect(
      strict.stdoutText.contains(
        "DKIM #1: permerror (rsa-sha1 is not accepted under RFC 8301 (the signature itself "
          + "verified)); d=example.com s=private a=rsa-sha1"), "\(strict)")
    let legacy = try sandbox.run([
      "test-verify", "--keys", "local", "--accept-rsa-sha1", sandbox.join("sha1.eml"),
    ])
    #expect(legacy.status == 0, "\(legacy)")
    #expect(
      legacy.stdoutText.contains(
        "DKIM #1: pass; d=example.com s=private a=rsa-sha1 c=relaxed/relaxed; 1024-bit key; "
          + "weak: rsa-sha1 is not acceptable under RFC 8301"))
    // The legacy option lets a good signature pass, not a bad one.
    try sandbox.directory.write(
      signed.stdoutText.replacing("Hello", with: "Jello"), to: "tampered.eml")
    let tampered = try sandbox.run([
      "test-verify", "--keys", "local", "--accept-rsa-sha1", sandbox.join("tampered.eml"),
    ])
    #expect(tampered.status == 1)
    #expect(tampered.stdoutText.contains("DKIM #1: fail"))
  }

  @Test func oneKeySourceAtATime() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let message = sandbox.join("message.eml")
    let both = try sandbox.run(["test-verify", "--keys", "local", "--record", "k=rsa; p=", message])
    #expect(both.status == 64)
    #expect(both.stderrText.contains("give one of --keys local, --record, not several"))
    #expect(
      try sandbox.run(["test-verify", "--key", message, "--record", "x", message]).status == 64)
    #expect(try sandbox.run(["test-verify", "--keys", "ldap", message]).status == 64)
    let badServer = try sandbox.run(["test-verify", "--dns-server", "127.0.0.1:53", message])
    #expect(badServer.status == 64)
    #expect(badServer.stderrText.contains("127.0.0.1:53"))
    let offline = try sandbox.run([
      "test-verify", "--keys", "local", "--dns-server", "127.0.0.1", message,
    ])
    #expect(offline.status == 64)
    #expect(
      offline.stderrText.contains("--dns-server goes with keys from DNS, not with --keys local"))
    let unasked = try sandbox.run(["test-sign", "--dns-server", "127.0.0.1", message])
    #expect(unasked.status == 64)
    #expect(unasked.stderrText.contains("--dns-server goes with --check-dns"))
  }

  // --help used to print "error: CommandError(… helpRequested …)" and exit 1.
  @Test func helpIsPrintedAndExitsZero() throws {
    let help = try BuiltBinary.run(["test-verify", "--help"])
    #expect(help.status == 0, "\(help)")
    #expect(help.stdoutText.contains("USAGE: toaster-dk test-verify"))
    #expect(help.stdoutText.contains("--accept-rsa-sha1"))
    #expect(help.stderrText.isEmpty)
    #expect(try BuiltBinary.run(["help", "test-sign"]).stdoutText.contains("--check-dns"))
  }
}
