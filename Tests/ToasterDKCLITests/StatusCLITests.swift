import Foundation
import TestSupport
import Testing

/// `toaster-dk status` on a healthy sandbox served by tinydns, then on sandboxes made to
/// show one problem each: every problem is named with the command that fixes it.
@Suite(
  .enabled(
    if: LoopbackDNS.missing("tinydns", "tinydns-data") == nil,
    "\(LoopbackDNS.missing("tinydns", "tinydns-data") ?? "")"))
struct StatusCLITests {
  static let keys = "var/qmail/control/domainkeys"
  /// The keys belong to nobody's group, so the signer `nobody` reads them as vpopmail would.
  static let group = "65534"

  enum Problem: String, CaseIterable {
    case unreadableKey, staleCDB, recordMismatch, testing, smallKey, perlWrapper
    case unsignedBounces

    /// What status must print for it: the problem and its fix.
    var needles: [String] {
      switch self {
      case .unreadableKey:
        [
          "c.example.net/private", "so qmail-dk cannot read this key and rejects their mail",
          "run toaster-dk domain fix-perms c.example.net",
        ]
      case .staleCDB: ["tcp.smtp.cdb is stale: run toaster-dk rules compile"]
      case .recordMismatch:
        [
          "error: private._domainkey.b.example.net serves a different key",
          "a stale record; publish the record toaster-dk domain dns b.example.net prints",
          "b.example.net  private   rsa 2048  0d   yes    p=none  a different key",
        ]
      case .testing:
        [
          "warning: t=y is set at private._domainkey.a.example.net",
          "publish the record without --testing once mail verifies",
          "published and matching (ttl 3600), t=y",
        ]
      case .smallKey:
        [
          "a.example.net/private: rsa 1024 bits, under the 2048 RFC 8301 recommends",
          "rotate to 2048-bit keys with toaster-dk rotate start",
        ]
      case .perlWrapper:
        [
          "error: bin/qmail-remote is QmailToaster's Perl DKIM wrapper",
          "toaster-dk remote install --import-keys",
        ]
      case .unsignedBounces:
        [
          "error: bounces are sent From: MAILER-DAEMON@mail.example.net, which has no key",
          "add bounce-domain=DOMAIN (a domain with a key)",
          "run toaster-dk domain add mail.example.net",
        ]
      }
    }

    /// Warnings do not change the exit status.
    var status: Int32 { self == .testing ? 0 : 1 }
  }

  /// Three domains with 2048-bit keys, tcp.smtp signing with them, the cdb current.
  static func healthy() throws -> Sandbox {
    let sandbox = try Sandbox(rules: RotateCLITests.rules)
    for domain in RotateCLITests.domains {
      let added = try sandbox.run(["domain", "add", domain, "--group", group, "-q"])
      try #require(added.status == 0, "\(added)")
    }
    try #require(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    return sandbox
  }

  /// The tinydns data of every domain's records (DMARC p=none included); `testing` for
  /// the domains whose key record carries t=y.
  static func data(_ sandbox: Sandbox, testing: [String] = []) throws -> String {
    var data = RotateCLITests.zone
    for domain in RotateCLITests.domains {
      let flags = testing.contains(domain) ? ["--testing"] : []
      data += try sandbox.run(["domain", "dns", domain, "--format", "tinydns"] + flags).stdoutText
    }
    return data
  }

  func status(_ sandbox: Sandbox, _ server: String, _ extra: [String] = []) throws -> ProcessResult
  {
    try sandbox.run(
      ["status", "--dns-server", server, "--group", Self.group, "--signer-user", "nobody"] + extra)
  }

  /// Changes the healthy `sandbox` (and the data published for it) to show `problem`.
  static func make(_ problem: Problem, in sandbox: Sandbox) throws -> String {
    switch problem {
    case .unreadableKey:
      chmod(sandbox.join("\(keys)/c.example.net/private"), 0o400)
    case .staleCDB:
      try sandbox.directory.write(
        RotateCLITests.rules + "10.:deny\n", to: "etc/tcprules.d/tcp.smtp")
    case .recordMismatch:
      let data = try data(sandbox)
      _ = try sandbox.run(["domain", "add", "b.example.net", "--force", "--group", group, "-q"])
      return data
    case .testing:
      return try data(sandbox, testing: ["a.example.net"])
    case .smallKey:
      _ = try sandbox.run([
        "domain", "add", "a.example.net", "--force", "--group", group, "--bits", "1024",
        "--legacy-key-size", "-q",
      ])
    case .perlWrapper:
      try sandbox.directory.write(
        RemoteInstallCLIFixtures.perlWrapper, to: "var/qmail/bin/qmail-remote")
      try sandbox.directory.write("", to: "var/qmail/bin/qmail-remote.orig")
      try sandbox.directory.write(
        RemoteInstallCLIFixtures.signconf, to: "var/qmail/control/dkim/signconf.xml")
    case .unsignedBounces:
      // toaster-dk-remote in place as remote install leaves it; bounces come from control/me.
      try sandbox.directory.write("", to: "var/qmail/bin/qmail-remote.orig")
      try sandbox.directory.write("", to: "var/qmail/bin/qmail-remote.before-toaster-dk")
      try FileManager.default.createSymbolicLink(
        atPath: sandbox.join("var/qmail/bin/qmail-remote"),
        withDestinationPath: "/usr/local/bin/toaster-dk-remote")
      try sandbox.directory.write("mail.example.net\n", to: "var/qmail/control/me")
    }
    return try data(sandbox)
  }

  @Test func aHealthyToasterExitsZeroAndNamesNoProblem() throws {
    let sandbox = try Self.healthy()
    defer { sandbox.remove() }
    let server = try LoopbackDNS.tinydns(data: try Self.data(sandbox))
    defer { server.stop() }
    let healthy = try status(sandbox, server.server)
    #expect(healthy.status == 0, "\(healthy)")
    let text = healthy.stdoutText
    // The table's columns line up under the heading.
    #expect(
      text.hasPrefix(
        "DOMAIN         SELECTOR  KEY       AGE  SIGNS  DMARC   RECORD\n"
          + "a.example.net  private   rsa 2048  0d   yes    p=none  published and matching "
          + "(ttl 3600)\n"),
      "\(healthy)")
    #expect(text.contains("tcp.smtp.cdb: current"))
    #expect(
      text.contains(
        "tcp.smtp:2 : verifies, rejecting on DEGIJKfh\n  D: no key record → permanent reject\n"))
    #expect(text.contains("\nall good\n"))
    #expect(!text.contains("error:") && !text.contains("temporary:"))
    // The stock qmail-remote signs nothing: said, with its fix, without failing the status.
    #expect(text.contains("bounces and local mail signed: no: qmail-remote is the stock program"))
    #expect(text.contains("warning: bounces and locally injected mail"))
    #expect(text.contains("toaster-dk remote install"))
    for problem in Problem.allCases {
      for needle in problem.needles { #expect(!text.contains(needle), "\(problem): \(needle)") }
    }
    let json = try status(sandbox, server.server, ["--json"])
    #expect(json.status == 0)
    #expect(json.stdoutText.contains("\"dmarc\":\"p=none\""), "\(json)")
    #expect(json.stdoutText.contains("\"exit_status\":0"))
  }

  @Test(arguments: Problem.allCases)
  func eachProblemIsNamedWithItsFix(problem: Problem) throws {
    let sandbox = try Self.healthy()
    defer { sandbox.remove() }
    let data = try Self.make(problem, in: sandbox)
    let server = try LoopbackDNS.tinydns(data: data)
    defer { server.stop() }
    let result = try status(sandbox, server.server)
    #expect(result.status == problem.status, "\(result)")
    for needle in problem.needles {
      #expect(result.stdoutText.contains(needle), "\(needle)\n\(result)")
    }
  }

  @Test func onlyTemporaryDNSTroubleIs75() throws {
    let sandbox = try Self.healthy()
    defer { sandbox.remove() }
    // Nothing listens on this port.
    let result = try status(sandbox, "127.0.0.1@9", ["--dns-timeout", "0.3"])
    #expect(result.status == 75, "\(result)")
    #expect(
      result.stdoutText.contains("temporary: TXT lookup of private._domainkey.a.example.net failed")
    )
    #expect(!result.stdoutText.contains("error:"), "\(result)")
  }
}

/// QmailToaster's Perl DKIM wrapper as its installer leaves it (the remote install tests'
/// layout).
enum RemoteInstallCLIFixtures {
  static let perlWrapper = """
    #!/usr/bin/perl
    use Mail::DKIM::Signer;
    exec "/var/qmail/bin/qmail-remote.orig", @ARGV;

    """

  static let signconf = """
    <dkimsign>
      <global algorithm="rsa-sha1" domain="/var/qmail/control/me" keyfile="/var/qmail/control/dkim/global.key" method="simple" selector="dkim1">
        <types id="dkim" />
      </global>
    </dkimsign>

    """
}
