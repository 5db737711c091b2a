import Foundation
import TestSupport
import Testing

/// Real signers' signatures verified by test-verify through a real DNS server.
///
/// dkimpy and Mail::DKIM sign with a key made by `domain add`; the record from our own
/// `domain dns` is served only by a loopback tinydns or BIND named. A replaced or removed
/// record then gives the verdicts real verifiers give.
struct TestVerifyPeersCLITests {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../InteropTests/Scripts").standardized.path
  static let message =
    "From: Alice <alice@example.net>\r\nTo: bob@example.org\r\nSubject: peers\r\n\r\nHello.\r\n"
  static let key = "var/qmail/control/domainkeys/example.net/peer"

  static let dkimpyMissing: String? = {
    guard let python = RealBinary.find("python3") else { return "not installed: python3" }
    let probe = try? ProcessRunner.run(python, ["-c", "import dkim"])
    return probe?.status == 0 ? nil : "not installed: dkimpy (pip install dkimpy)"
  }()
  static let mailDKIMMissing: String? = {
    guard let perl = RealBinary.find("perl") else { return "not installed: perl" }
    let probe = try? ProcessRunner.run(perl, ["-MMail::DKIM::Signer", "-e", "1"])
    return probe?.status == 0 ? nil : "not installed: Mail::DKIM (libmail-dkim-perl)"
  }()
  static let tinydnsMissing = LoopbackDNS.missing("tinydns", "tinydns-data")
  static let namedMissing = LoopbackDNS.missing("named")

  private func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox(rules: ":allow,DKVERIFY=\"BDEGIJKfh\"\n")
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    try addKey(sandbox)
    return sandbox
  }

  private func addKey(_ sandbox: Sandbox, force: Bool = false) throws {
    let added = try sandbox.run(
      ["domain", "add", "example.net", "--selector", "peer", "--group", "root", "-q"]
        + (force ? ["--force"] : []))
    #expect(added.status == 0, "\(added)")
  }

  private func records(_ sandbox: Sandbox, format: String) throws -> String {
    let dns = try sandbox.run([
      "domain", "dns", "example.net", "--selector", "peer", "--format", format,
    ])
    #expect(dns.status == 0, "\(dns)")
    return dns.stdoutText
  }

  // The header field a peer script prints, put on top of the message.
  private func peerSigned(_ interpreter: String, _ arguments: [String]) throws -> String {
    let program = try #require(RealBinary.find(interpreter))
    let result = try ProcessRunner.run(
      program, arguments, stdin: Array(Self.message.utf8))
    #expect(result.status == 0, "\(result)")
    var field = result.stdoutText.replacing("\r\n", with: "\n").replacing("\n", with: "\r\n")
    while field.hasSuffix("\r\n") { field.removeLast() }
    return field + "\r\n" + Self.message
  }

  private func dkimpy(_ sandbox: Sandbox) throws -> String {
    try peerSigned(
      "python3",
      [
        Self.scripts + "/dkimpy.py", "sign", sandbox.join(Self.key), "peer", "example.net",
        "relaxed/relaxed", "rsa-sha256",
      ])
  }

  private func mailDKIM(_ sandbox: Sandbox, _ mode: String, _ method: String, _ algorithm: String)
    throws -> String
  {
    try peerSigned(
      "perl",
      [
        Self.scripts + "/mail-dkim.pl", mode, sandbox.join(Self.key), "peer", "example.net",
        method, algorithm,
      ])
  }

  private func verify(
    _ sandbox: Sandbox, _ name: String, _ server: LoopbackDNS, _ extra: [String] = []
  )
    throws -> ProcessResult
  {
    try sandbox.run(
      ["test-verify", "--dns-server", server.server, "--dns-timeout", "2", sandbox.join(name)]
        + extra)
  }

  @Test(
    .enabled(if: tinydnsMissing == nil, "\(tinydnsMissing ?? "")"),
    .enabled(if: dkimpyMissing == nil, "\(dkimpyMissing ?? "")"),
    .enabled(if: mailDKIMMissing == nil, "\(mailDKIMMissing ?? "")"))
  func peersSignaturesVerifyThroughTinydnsAndFailWhenTheRecordChanges() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let soa = ".example.net::ns1.example.net:3600\n"
    try sandbox.directory.write(try dkimpy(sandbox), to: "dkimpy.eml")
    try sandbox.directory.write(try mailDKIM(sandbox, "sign-dk", "nofws", "rsa-sha1"), to: "dk.eml")
    try sandbox.directory.write(
      try mailDKIM(sandbox, "sign-dkim", "relaxed/relaxed", "rsa-sha256"), to: "dkim.eml")
    let published = try LoopbackDNS.tinydns(data: soa + records(sandbox, format: "tinydns"))
    defer { published.stop() }
    for name in ["dkimpy.eml", "dkim.eml"] {
      let good = try verify(sandbox, name, published)
      #expect(good.status == 0, "\(name): \(good)")
      #expect(
        good.stdoutText.contains("DKIM #1: pass; d=example.net s=peer a=rsa-sha256"),
        "\(name): \(good)")
    }
    let dk = try verify(sandbox, "dk.eml", published)
    #expect(dk.status == 0, "\(dk)")
    #expect(dk.stdoutText.hasPrefix("DomainKeys: A (DK_STAT_OK) good signature; d=example.net"))

    // A new key published: the old signatures no longer verify.
    try addKey(sandbox, force: true)
    let replaced = try LoopbackDNS.tinydns(data: soa + records(sandbox, format: "tinydns"))
    defer { replaced.stop() }
    let stale = try verify(sandbox, "dkimpy.eml", replaced)
    #expect(stale.status == 1)
    #expect(stale.stdoutText.contains("DKIM #1: fail (signature did not verify)"), "\(stale)")
    let staleDK = try verify(sandbox, "dk.eml", replaced)
    #expect(staleDK.stdoutText.hasPrefix("DomainKeys: B (DK_STAT_BADSIG)"), "\(staleDK)")
    #expect(staleDK.stdoutText.contains("→ permanent reject: 554"))

    // The record removed: no key, and where it was looked for.
    let removed = try LoopbackDNS.tinydns(data: soa)
    defer { removed.stop() }
    let gone = try verify(sandbox, "dk.eml", removed)
    #expect(gone.status == 1)
    #expect(
      gone.stdoutText.contains(
        "DomainKeys: D (DK_STAT_NOKEY) no key record; d=example.net s=peer c=nofws: no TXT at "
          + "peer._domainkey.example.net (NXDOMAIN from \(removed.server))"), "\(gone)")
    let goneDKIM = try verify(sandbox, "dkim.eml", removed)
    #expect(goneDKIM.stdoutText.contains("DKIM #1: permerror (no TXT at peer._domainkey"))
  }

  @Test(
    .enabled(if: namedMissing == nil, "\(namedMissing ?? "")"),
    .enabled(if: mailDKIMMissing == nil, "\(mailDKIMMissing ?? "")"),
    .enabled(if: dkimpyMissing == nil, "\(dkimpyMissing ?? "")"))
  func peersSignaturesVerifyThroughNamedAndRSASHA1NeedsTheLegacyOption() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write(try dkimpy(sandbox), to: "dkimpy.eml")
    try sandbox.directory.write(
      try mailDKIM(sandbox, "sign-dkim", "relaxed/relaxed", "rsa-sha256"), to: "dkim.eml")
    try sandbox.directory.write(
      try mailDKIM(sandbox, "sign-dkim", "relaxed/relaxed", "rsa-sha1"), to: "sha1.eml")
    let head = """
      $ORIGIN example.net.
      $TTL 3600
      @ IN SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300
      @ IN NS ns1.example.net.
      ns1 IN A 192.0.2.1

      """
    let server = try LoopbackDNS.named(
      zone: head + records(sandbox, format: "bind"), origin: "example.net")
    defer { server.stop() }
    for name in ["dkimpy.eml", "dkim.eml"] {
      let good = try verify(sandbox, name, server)
      #expect(good.status == 0, "\(name): \(good)\n\(server.lines.joined(separator: "\n"))")
      #expect(good.stdoutText.contains("DKIM #1: pass; d=example.net s=peer a=rsa-sha256"))
    }
    let strict = try verify(sandbox, "sha1.eml", server)
    #expect(strict.status == 1)
    #expect(strict.stdoutText.contains("DKIM #1: permerror (rsa-sha1 is not accepted"), "\(strict)")
    let legacy = try verify(sandbox, "sha1.eml", server, ["--accept-rsa-sha1"])
    #expect(legacy.status == 0, "\(legacy)")
    #expect(legacy.stdoutText.contains("a=rsa-sha1 c=relaxed/relaxed; 2048-bit key; weak"))

    // The record replaced by an empty p=: revoked, for DKIM and DomainKeys alike.
    let revoked = try LoopbackDNS.named(
      zone: head + "peer._domainkey IN TXT \"v=DKIM1; k=rsa; p=\"\n", origin: "example.net")
    defer { revoked.stop() }
    let result = try verify(sandbox, "dkim.eml", revoked)
    #expect(result.status == 1)
    #expect(result.stdoutText.contains("DKIM #1: permerror (key revoked)"), "\(result)")
  }
}
