import Foundation
import TestSupport
import Testing

/// Why RotateCLITests cannot run: tinydns, Mail::DKIM, dkimpy or dnspython is not installed.
let rotationPeersMissing: String? = {
  if let servers = LoopbackDNS.missing("tinydns", "tinydns-data") { return servers }
  if let peers = DKIMPeers.missing { return peers }
  let probe = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import dns.resolver"])
  return probe?.status == 0 ? nil : "not installed: dnspython (pip install dkimpy)"
}()

/// A full rotation on a sandbox with three domains, their records served by a real tinydns
/// on loopback, and dkimpy verifying the new signatures through it.
///
/// Without a peer the suite is reported as skipped, with the reason, rather than passing
/// without the peers' verdicts.
@Suite(.enabled(if: rotationPeersMissing == nil, "\(rotationPeersMissing ?? "")"))
struct RotateCLITests {
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="DEGIJKfh"

    """
  static let domains = ["a.example.net", "b.example.net", "c.example.net"]
  static let t0 = 1_796_083_200
  static let zone = ".example.net::ns1.example.net:3600\n"

  static func rotationSandbox() throws -> Sandbox {
    let sandbox = try Sandbox(rules: rules)
    for domain in domains {
      let added = try sandbox.run([
        "domain", "add", domain, "--group", testGroup, "--bits", "1024", "--legacy-key-size", "-q",
      ])
      try #require(added.status == 0, "\(added)")
    }
    try #require(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    return sandbox
  }

  static func start(_ sandbox: Sandbox, _ extra: [String] = []) throws -> ProcessResult {
    try sandbox.run(
      [
        "rotate", "start", "--selector", "s202612", "--format", "tinydns", "--group", testGroup,
        "--bits", "1024", "--legacy-key-size", "--time", String(t0),
      ] + extra)
  }

  /// The tinydns-data lines of `records` for the named domains only.
  static func data(_ records: String, for names: [String]) -> String {
    zone
      + records.split(separator: "\n").filter { line in
        line.hasPrefix("'") && names.contains { line.contains(".\($0):") }
      }.joined(separator: "\n") + "\n"
  }

  func message(from domain: String) -> [UInt8] {
    Array(
      "From: Joe <joe@\(domain)>\nTo: ann@example.org\nSubject: Noon\nDate: Tue, 1 Dec 2026 12:00:00 +0000\nMessage-ID: <1@\(domain)>\n\nSee you at noon.\n"
        .utf8)
  }

  /// dkimpy's verdict on `signed`, asking `server` for the key through dnspython.
  func dkimpy(_ signed: [UInt8], server: LoopbackDNS) throws -> String {
    let script = """
      import sys, dkim, dns.resolver
      r = dns.resolver.Resolver(configure=False)
      r.nameservers = ['\(server.address)']
      r.port = \(server.port)
      def txt(name, timeout=5):
          try:
              answer = r.resolve(name.decode().rstrip('.'), 'TXT')
          except Exception:
              return None
          return b''.join(answer[0].strings)
      print('pass' if dkim.verify(sys.stdin.buffer.read(), dnsfunc=txt) else 'fail')
      """
    let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], stdin: signed)
    #expect(result.status == 0, "\(result)")
    return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func fullRotationWithOneLateDomain() throws {
    let sandbox = try Self.rotationSandbox()
    defer { sandbox.remove() }
    let started = try Self.start(sandbox)
    try #require(started.status == 0, "\(started)")
    // Mail signed with the old key before the switch, to verify after the old one is revoked.
    let old = try sandbox.run(
      ["test-sign", "-", "--method", "both"], stdin: message(from: "b.example.net"))
    #expect(old.stderrText.contains("signed d=b.example.net s=private"), "\(old)")
    #expect(
      started.stderrText.contains(
        "created \(sandbox.root)/var/qmail/control/domainkeys/c.example.net/s202612 (rsa 1024)"))
    // Publish a and b only.
    let partial = try LoopbackDNS.tinydns(
      data: Self.data(started.stdoutText, for: ["a.example.net", "b.example.net"]))
    defer { partial.stop() }
    let status = try sandbox.run([
      "rotate", "status", "--dns-server", partial.server, "--time", String(Self.t0),
    ])
    #expect(status.status == 1, "\(status)")
    #expect(status.stdoutText.contains("a.example.net  waiting  published and matching (ttl 3600)"))
    #expect(
      status.stdoutText.contains(
        "c.example.net  waiting  not published: NXDOMAIN for s202612._domainkey.c.example.net"))
    let later = String(Self.t0 + 7200)
    let refused = try sandbox.run([
      "rotate", "switch", "--dns-server", partial.server, "--time", later,
    ])
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderrText.contains("switch refused: the new record of c.example.net"))
    #expect(try sandbox.directory.read("etc/tcprules.d/tcp.smtp") == Array(Self.rules.utf8))
    try expectRefusedWhileCServesAnotherKey(sandbox, started.stdoutText, at: later)
    let only = try sandbox.run([
      "rotate", "switch", "--only", "a.example.net", "--only", "b.example.net",
      "--dns-server", partial.server, "--time", later,
    ])
    #expect(only.status == 0, "\(only)")
    let switchedRules = Self.rules.replacingOccurrences(of: "%/private", with: "%/s202612")
    #expect(try sandbox.directory.read("etc/tcprules.d/tcp.smtp") == Array(switchedRules.utf8))
    // a signs with the new key, and dkimpy verifies it through the loopback DNS server.
    let signed = try sandbox.run(
      ["test-sign", "-", "--method", "both"], stdin: message(from: "a.example.net"))
    #expect(signed.status == 0, "\(signed)")
    #expect(signed.stderrText.contains("signed d=a.example.net s=s202612"))
    #expect(try dkimpy(signed.stdout, server: partial) == "pass")
    // c's new key is held back: qmail-dk queues its mail unsigned, never signed with s202612.
    let held = try sandbox.run(["test-sign", "-"], stdin: message(from: "c.example.net"))
    #expect(held.stderrText.contains("qmail-dk would queue the message unsigned"), "\(held)")
    partial.stop()

    let full = try LoopbackDNS.tinydns(data: Self.data(started.stdoutText, for: Self.domains))
    defer { full.stop() }
    let seen = try sandbox.run(["rotate", "status", "--dns-server", full.server, "--time", later])
    #expect(seen.status == 0, "\(seen)")
    let safe = String(Self.t0 + 7200 + 7200)
    let second = try sandbox.run(["rotate", "switch", "--dns-server", full.server, "--time", safe])
    #expect(second.status == 0, "\(second)")
    let signedC = try sandbox.run(
      ["test-sign", "-", "--method", "both"], stdin: message(from: "c.example.net"))
    #expect(signedC.stderrText.contains("signed d=c.example.net s=s202612"), "\(signedC)")
    #expect(try dkimpy(signedC.stdout, server: full) == "pass")

    let early = try sandbox.run(["rotate", "finish", "--time", safe])
    #expect(early.status == 75, "\(early)")
    #expect(early.stderrText.contains("finish refused until 2026-12-08T05:00:00Z"))
    let retire = String(Self.t0 + 14400 + 604_800 + 3600)
    let finished = try sandbox.run(["rotate", "finish", "--time", retire])
    #expect(finished.status == 0, "\(finished)")
    #expect(
      finished.stdoutText.contains("'private._domainkey.b.example.net:v=DKIM1; p=:3600") == false)
    #expect(
      finished.stdoutText.contains(
        "private._domainkey.b.example.net.\t3600\tIN\tTXT\t\"v=DKIM1; p=\""))
    for domain in Self.domains {
      #expect(
        !FileManager.default.fileExists(
          atPath: sandbox.join("var/qmail/control/domainkeys/\(domain)/private")))
    }
    let over = try sandbox.run(["rotate", "status", "--json"])
    #expect(over.stdoutText.contains("\"phase\":\"finished\""), "\(over)")
    full.stop()
    try expectRevoked(sandbox, old.stdout, newRecords: started.stdoutText, retire: retire)
  }

  /// c.example.net serves a key at the new selector, but another one (b's): refused too.
  func expectRefusedWhileCServesAnotherKey(_ sandbox: Sandbox, _ records: String, at time: String)
    throws
  {
    let wrong = records.split(separator: "\n").filter { $0.hasPrefix("'s202612._domainkey.b.") }
      .map { $0.replacingOccurrences(of: "._domainkey.b.", with: "._domainkey.c.") }
    let server = try LoopbackDNS.tinydns(
      data: Self.data(records, for: ["a.example.net", "b.example.net"])
        + wrong.joined(separator: "\n")
        + "\n")
    defer { server.stop() }
    let refused = try sandbox.run([
      "rotate", "switch", "--dns-server", server.server, "--time", time,
    ])
    #expect(refused.status == 1, "\(refused)")
    #expect(
      refused.stderrText.contains(
        "the new record of c.example.net (a different record: the record at s202612._domainkey.c.example.net is not this key's"
      ),
      "\(refused)")
    #expect(try sandbox.directory.read("etc/tcprules.d/tcp.smtp") == Array(Self.rules.utf8))
  }

  /// With the revoking records published, mail signed with the old key fails as revoked:
  /// DomainKeys J (DK_STAT_REVOKED) as qmail-dk verifies, a permanent DKIM failure for
  /// dkimpy through DNS, and "revoked" for Mail::DKIM.
  func expectRevoked(_ sandbox: Sandbox, _ signed: [UInt8], newRecords: String, retire: String)
    throws
  {
    let revoking = try sandbox.run(["rotate", "finish", "--format", "tinydns", "--time", retire])
    #expect(revoking.status == 0, "\(revoking)")
    #expect(revoking.stdoutText.contains("'private._domainkey.b.example.net:v=DKIM1; p=:3600\n"))
    let server = try LoopbackDNS.tinydns(
      data: Self.data(newRecords, for: Self.domains)
        + revoking.stdoutText.split(separator: "\n").filter { $0.hasPrefix("'") }
        .joined(separator: "\n") + "\n")
    defer { server.stop() }
    let verified = try sandbox.run(
      [
        "test-verify", "-", "--dns-server", server.server, "--dkverify", "DEGIJKfh",
      ], stdin: signed)
    #expect(verified.status == 1, "\(verified)")
    #expect(verified.stdoutText.contains("DomainKeys: J (DK_STAT_REVOKED)"), "\(verified)")
    #expect(
      verified.stdoutText.contains("DKIM #1: permerror (key revoked); d=b.example.net s=private"))
    #expect(
      verified.stdoutText.contains("qmail-dk: DKVERIFY=DEGIJKfh → permanent reject"), "\(verified)")
    #expect(try dkimpy(signed, server: server) == "fail")
    let lines = try DKIMPeers.mailDKIM(signed, record: "v=DKIM1; p=").joined(separator: " ")
    #expect(lines.contains("DKIM invalid invalid (public key: revoked"), "\(lines)")
    #expect(lines.contains("DomainKey invalid invalid (public key: revoked"), "\(lines)")
  }
}
