import Foundation
import TestSupport
import Testing

/// `toaster-dk status` on a healthy sandbox served by tinydns, then with each problem.
@Suite(
  .enabled(
    if: LoopbackDNS.missing("tinydns", "tinydns-data") == nil,
    "\(LoopbackDNS.missing("tinydns", "tinydns-data") ?? "")"))
struct StatusCLITests {
  static let keys = "var/qmail/control/domainkeys"

  func status(_ sandbox: Sandbox, _ server: String, _ extra: [String] = []) throws -> ProcessResult
  {
    try sandbox.run(
      ["status", "--dns-server", server, "--group", testGroup, "--signer-user", "root"] + extra)
  }

  @Test func healthyThenEachProblemNamedWithItsFix() throws {
    let sandbox = try RotateCLITests.rotationSandbox()
    defer { sandbox.remove() }
    var data = RotateCLITests.zone
    for domain in RotateCLITests.domains {
      let records = try sandbox.run(["domain", "dns", domain, "--format", "tinydns"])
      data += records.stdoutText
    }
    let server = try LoopbackDNS.tinydns(data: data)
    defer { server.stop() }
    let healthy = try status(sandbox, server.server, ["--max-key-age", "30"])
    // 1024-bit test keys are the one problem of this sandbox.
    #expect(
      healthy.stdoutText.contains(
        "a.example.net  private  rsa 1024  0d  yes  published and matching (ttl 3600)"),
      "\(healthy)")
    #expect(healthy.stdoutText.contains("tcp.smtp.cdb: current"))
    #expect(!healthy.stdoutText.contains("temporary:"))
    // The problems: a stale cdb, a record that no longer matches, a key the signer
    // cannot read, QmailToaster's Perl wrapper.
    try sandbox.directory.write(RotateCLITests.rules + "10.:deny\n", to: "etc/tcprules.d/tcp.smtp")
    _ = try sandbox.run([
      "domain", "add", "b.example.net", "--force", "--group", testGroup, "--bits", "1024",
      "--legacy-key-size", "-q",
    ])
    try sandbox.directory.write(
      "#!/usr/bin/perl\nuse Mail::DKIM::Signer;\n", to: "var/qmail/bin/qmail-remote")
    chmod(sandbox.join("\(Self.keys)/c.example.net/private"), 0o400)
    let sick = try sandbox.run(
      ["status", "--dns-server", server.server, "--group", testGroup, "--signer-user", "nobody"])
    #expect(sick.status == 1, "\(sick)")
    let text = sick.stdoutText
    #expect(text.contains("tcp.smtp.cdb is stale: run toaster-dk rules compile"))
    #expect(
      text.contains(
        "error: b.example.net private: a different record: the record at private._domainkey.b.example.net is not this key's"
      ))
    #expect(text.contains("publish toaster-dk domain dns b.example.net --selector private"))
    #expect(text.contains("bin/qmail-remote is QmailToaster's Perl DKIM wrapper"))
    #expect(text.contains("c.example.net/private: permissions 0400"))
    let json = try sandbox.run([
      "status", "--json", "--dns-server", server.server, "--group", testGroup, "--signer-user",
      "root",
    ])
    #expect(json.status == 1)
    #expect(
      json.stdoutText.hasPrefix(
        "{\"cdb\":\"stale\",\"domains\":[{\"alias_of\":null,\"domain\":\"a.example.net\""),
      "\(json)")
  }

  @Test func onlyTemporaryDNSTroubleIs75AndAHealthyToasterIs0() throws {
    let sandbox = try RotateCLITests.rotationSandbox()
    defer { sandbox.remove() }
    // Keys made 2048 bits so the only trouble is DNS: nothing listens on this port.
    for domain in RotateCLITests.domains {
      _ = try sandbox.run(["domain", "add", domain, "--force", "--group", testGroup, "-q"])
    }
    let result = try status(sandbox, "127.0.0.1@9", ["--dns-timeout", "0.3"])
    #expect(result.status == 75, "\(result)")
    #expect(result.stdoutText.contains("temporary: a.example.net private: temporary DNS failure"))
    var data = RotateCLITests.zone
    for domain in RotateCLITests.domains {
      data += try sandbox.run(["domain", "dns", domain, "--format", "tinydns"]).stdoutText
    }
    let server = try LoopbackDNS.tinydns(data: data)
    defer { server.stop() }
    let healthy = try status(sandbox, server.server)
    #expect(healthy.status == 0, "\(healthy)")
    #expect(healthy.stdoutText.hasSuffix("\nall good\n"))
  }
}
