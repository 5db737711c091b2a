import Foundation
import TestSupport
import Testing

/// The test user's group, standing in for vchkpw, which a build machine lacks.
let testGroup = String(getegid())

@Suite struct DomainAddCLITests {
  static let keys = "var/qmail/control/domainkeys"

  @Test func addPrintsTheRecordsThatDnsPrintsAgain() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let add = try sandbox.run(["domain", "add", "Example.com", "--group", testGroup])
    #expect(add.status == 0, "\(add)")
    #expect(
      sandbox.transcript(add).hasSuffix(
        "--- stderr\ntoaster-dk: created $ROOT/\(Self.keys)/example.com/private (rsa 2048)\n"))
    let json = try sandbox.run(
      ["domain", "add", "example.net", "--group", testGroup, "--json", "--algorithm", "ed25519"])
    #expect(
      json.stdoutText.hasPrefix(
        "{\"backup_path\":null,\"dns\":{\"algorithm\":\"ed25519\",\"bits\":256,"))
    #expect(
      json.stdoutText.hasSuffix(
        "\"record_path\":\"\(sandbox.join(Self.keys))/example.net/private.txt\"}\n"))
    let dns = try sandbox.run(["domain", "dns", "example.com"])
    #expect(dns.status == 0 && dns.stderr.isEmpty)
    #expect(dns.stdoutText == add.stdoutText)
    let plain = try sandbox.run(["domain", "dns", "example.com", "--format", "plain"])
    let recordFile = try sandbox.directory.read("\(Self.keys)/example.com/private.txt")
    #expect(plain.stdout == recordFile)
    #expect(plain.stdoutText.hasPrefix("v=DKIM1; k=rsa; p=MIIBIjAN"))
  }

  @Test func dnsOptionsSelectRecordsAndSyntax() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup, "-q"]).status == 0)
    let tinydns = try sandbox.run(
      ["domain", "dns", "example.com", "--format", "tinydns", "--ttl", "300", "--testing", "--dk"])
    let lines = tinydns.stdoutText.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[1].hasPrefix("'private._domainkey.example.com:v=DKIM1; k=rsa; t=y; p=MIIB"))
    #expect(lines[1].hasSuffix(":300"))
    #expect(lines[3] == "'_domainkey.example.com:t=y; o=-:300")
    let dkim = try sandbox.run(["domain", "dns", "example.com", "--dkim", "--format", "json"])
    #expect(dkim.stdoutText.contains("\"purpose\":\"dmarc-suggestion\""))
    #expect(!dkim.stdoutText.contains("domainkeys-policy"))
  }

  @Test func ed25519IsLabelledDKIMOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let add = try sandbox.run(
      [
        "domain", "add", "example.com", "--selector", "ed", "--algorithm", "ed25519", "--group",
        testGroup,
      ])
    #expect(add.status == 0)
    #expect(
      add.stderrText.hasPrefix(
        "toaster-dk: warning: ed25519 is DKIM-only: qmail-dk (DomainKeys) signs with rsa keys only\n"
      ))
    #expect(add.stdoutText.contains("v=DKIM1; k=ed25519; p="))
    expectTranscript(
      try sandbox.run(["domain", "dns", "example.com", "--selector", "ed", "--dk"]), in: sandbox,
      matches: "domain-dns-ed25519-dk")
  }

  @Test func refusalsNameTheFix() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let cases: [([String], String)] = [
      (["domain", "add", "Ex/ample.com"], "domain-add-bad-name"),
      (["domain", "add", "example.com", "--group", "no-such-group-here"], "domain-add-no-group"),
      (
        ["domain", "add", "example.com", "--bits", "1024", "--group", testGroup], "domain-add-1024"
      ),
      (["domain", "add", "example.com", "--bits", "512", "--group", testGroup], "domain-add-512"),
      (
        ["domain", "add", "example.com", "--mode", "0400", "--group", testGroup], "domain-add-mode"
      ),
      (
        ["domain", "add", "example.com", "--selector", "a.b", "--group", testGroup],
        "domain-add-bad-selector"
      ),
    ]
    for (arguments, snapshot) in cases {
      expectTranscript(try sandbox.run(arguments), in: sandbox, matches: snapshot)
    }
    #expect(directoryEntries(sandbox.join(Self.keys)).isEmpty)
  }

  @Test func existingKeyAndSymlinkedDirectoryAreRefused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup, "-q"]).status == 0)
    expectTranscript(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup]), in: sandbox,
      matches: "domain-add-exists")
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.join("\(Self.keys)/evil.com"), withDestinationPath: sandbox.join("etc"))
    expectTranscript(
      try sandbox.run(["domain", "add", "evil.com", "--group", testGroup]), in: sandbox,
      matches: "domain-add-symlink")
    let legacy = try sandbox.run(
      [
        "domain", "add", "example.com", "--bits", "1024", "--legacy-key-size", "--force", "--group",
        testGroup,
      ])
    #expect(legacy.status == 0)
    #expect(directoryEntries(sandbox.join("\(Self.keys)/.removed")).count == 1)
  }
}
