import Foundation
import TestSupport
import Testing

/// test-verify and test-sign --check-dns with keys from DNS: every answer the python3-dnslib
/// fake gives turned into a DomainKeys letter, a DKIM result and the DKVERIFY decision, as
/// the table of dns.md §3.3 says.
@Suite(.enabled(if: LoopbackDNS.missing("dnslib") == nil, "\(LoopbackDNS.missing("dnslib") ?? "")"))
struct TestVerifyDNSCLITests {
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="DEGIJKfh"

    """
  static let message =
    "From: Alice <alice@example.net>\nTo: bob@example.org\nSubject: hi\n\nHello\n"

  /// A sandbox whose example.net keys are the fixed test key (`private`) and a fresh one
  /// (`other`), with the records `domain dns` prints for them.
  struct Fixture {
    let sandbox: Sandbox
    let record: String
    let otherRecord: String

    init() throws {
      sandbox = try Sandbox(rules: TestVerifyDNSCLITests.rules)
      #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
      try sandbox.directory.write(
        TestKeys.rsa1024, to: "var/qmail/control/domainkeys/example.net/private")
      let added = try sandbox.run([
        "domain", "add", "example.net", "--selector", "other", "--group", "root", "-q",
      ])
      #expect(added.status == 0, "\(added)")
      try sandbox.directory.write(TestVerifyDNSCLITests.message, to: "message.eml")
      record = try Self.record(sandbox, selector: "private")
      otherRecord = try Self.record(sandbox, selector: "other")
    }

    // The key record's text from our own `domain dns --format tinydns` line.
    static func record(_ sandbox: Sandbox, selector: String) throws -> String {
      let dns = try sandbox.run([
        "domain", "dns", "example.net", "--selector", selector, "--format", "tinydns",
      ])
      let prefix = "'\(selector)._domainkey.example.net:"
      let line = try #require(
        dns.stdoutText.split(separator: "\n").first { $0.hasPrefix(prefix) }, "\(dns)")
      return String(line.dropFirst(prefix.count).dropLast(":3600".count))
    }

    /// The message signed with DomainKeys and DKIM by the fixed key under `selector`.
    func signed(selector: String) throws -> String {
      let signed = try sandbox.run([
        "test-sign", "--method", "both", "--key",
        sandbox.join("var/qmail/control/domainkeys/example.net/private"), "--selector", selector,
        "--domain", "example.net", "--time", "1700000000", sandbox.join("message.eml"),
      ])
      #expect(signed.status == 0, "\(signed)")
      return signed.stdoutText
    }
  }

  // A fake's JSON string list, the record cut into `size`-byte character-strings.
  static func strings(_ text: String, size: Int) -> String {
    var parts: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      parts.append("\"\(rest.prefix(size))\"")
      rest = rest.dropFirst(size)
    }
    return "[" + parts.joined(separator: ", ") + "]"
  }

  static func names(_ fixture: Fixture) -> String {
    let good = strings(fixture.record, size: 200)
    let entries = [
      "good": "{\"txt\": [\(good)]}",
      "split": "{\"txt\": [\(strings(fixture.record, size: 7))]}",
      "cname": "{\"cname\": \"target.example.net.\"}",
      "two": "{\"txt\": [\(strings(fixture.otherRecord, size: 200)), \(good)]}",
      "nodata": "{\"nodata\": true}",
      "servfail": "{\"rcode\": \"SERVFAIL\"}",
      "refused": "{\"rcode\": \"REFUSED\"}",
      "silent": "{\"silent\": true}",
      "revoked": "{\"txt\": [[\"v=DKIM1; k=rsa; p=\"]]}",
    ]
    let body = entries.sorted { $0.key < $1.key }.map { name, value in
      "\"\(name)._domainkey.example.net\": \(value)"
    }
    return "{"
      + (body + ["\"target.example.net\": {\"txt\": [\(good)]}"])
      .joined(separator: ",\n") + "}"
  }

  // selector → DomainKeys letter, DKIM result, DKVERIFY=DEGIJKfh decision, and a piece of
  // the reason that must be printed.
  static let table: [(String, String, String, String, String)] = [
    ("good", "A", "pass", "accept", "signature verified"),
    ("split", "A", "pass", "accept", "signature verified"),
    ("cname", "A", "pass", "accept", "signature verified"),
    // libdomainkeys takes the first record only; DKIM tries each (RFC 6376 §6.1.2).
    ("two", "B", "pass", "accept", "2 TXT records at the key's name, key 2 used"),
    ("absent", "D", "permerror", "permanent reject: 554", "(NXDOMAIN from SERVER)"),
    ("nodata", "D", "permerror", "permanent reject: 554", "(NODATA from SERVER)"),
    ("servfail", "F", "temperror", "temporary reject: 451", "SERVFAIL"),
    ("refused", "F", "temperror", "temporary reject: 451", "SERVFAIL (or REFUSED"),
    ("silent", "F", "temperror", "temporary reject: 451", "timeout: no answer within 1 s"),
    ("revoked", "J", "permerror", "permanent reject: 554", "key revoked"),
  ]

  @Test func everyAnswerGivesTheLetterResultAndDecisionOfTheTable() throws {
    let fixture = try Fixture()
    let sandbox = fixture.sandbox
    defer { sandbox.remove() }
    let server = try LoopbackDNS.fake(namesJSON: Self.names(fixture))
    defer { server.stop() }
    let dns = ["--dns-server", server.server, "--dns-timeout", "1"]
    for (selector, letter, dkim, decision, reason) in Self.table {
      try sandbox.directory.write(try fixture.signed(selector: selector), to: "m/\(selector).eml")
      let result = try sandbox.run(["test-verify"] + dns + [sandbox.join("m/\(selector).eml")])
      let out = result.stdoutText
      #expect(out.hasPrefix("DomainKeys: \(letter) "), "\(selector): \(result)")
      #expect(out.contains("\nDKIM #1: \(dkim)"), "\(selector): \(result)")
      #expect(out.contains("DKVERIFY=DEGIJKfh → \(decision)"), "\(selector): \(result)")
      let expected = reason.replacing("SERVER", with: server.server)
      #expect(out.contains(expected), "\(selector): \(result)")
      #expect(result.status == (letter == "A" ? 0 : 1), "\(selector): \(result)")
    }
    // The names where no key was found say where they were looked for.
    let absent = try sandbox.run(["test-verify"] + dns + [sandbox.join("m/absent.eml")])
    #expect(
      absent.stdoutText.contains(
        "DKIM #1: permerror (no TXT at absent._domainkey.example.net (NXDOMAIN from "
          + "\(server.server))); d=example.net s=absent"))
  }

  // One question per name for the whole run, DomainKeys and DKIM sharing it.
  @Test func aRunOverManyMessagesAsksEachNameOnce() throws {
    let fixture = try Fixture()
    let sandbox = fixture.sandbox
    defer { sandbox.remove() }
    let server = try LoopbackDNS.fake(namesJSON: Self.names(fixture))
    defer { server.stop() }
    for selector in ["good", "cname", "absent"] {
      let signed = try fixture.signed(selector: selector)
      for copy in 1...3 { try sandbox.directory.write(signed, to: "batch/\(selector)-\(copy).eml") }
    }
    let result = try sandbox.run([
      "test-verify", "--dns-server", server.server, "--json", sandbox.join("batch"),
    ])
    #expect(result.status == 1)
    #expect(result.stderrText.contains("3 key lookups in DNS (\(server.server)) for 9 messages"))
    #expect(result.stdoutText.components(separatedBy: "\"dk_status\":\"A\"").count == 7)
    let names = ["good", "cname", "absent"]
    // Wait for the three questions to reach the log (the pipe is read on another thread).
    let settled = { (lines: [String]) in
      names.allSatisfy { name in lines.contains("query \(name)._domainkey.example.net. TXT") }
    }
    let asked = server.lines(until: settled).filter {
      $0.hasPrefix("query ") && $0.hasSuffix(" TXT")
    }
    for name in names {
      #expect(asked.filter { $0 == "query \(name)._domainkey.example.net. TXT" }.count == 1)
    }
  }

  @Test func testSignChecksTheSignatureAgainstThePublishedRecord() throws {
    let fixture = try Fixture()
    let sandbox = fixture.sandbox
    defer { sandbox.remove() }
    let stale = "\"private._domainkey.example.net\": {\"txt\": [[\"\(fixture.otherRecord)\"]]}"
    let good = "\"private._domainkey.example.net\": {\"txt\": [[\"\(fixture.record)\"]]}"
    let sign = [
      "test-sign", "--signer-user", "root", "--method", "both", "--check-dns",
      sandbox.join("message.eml"),
    ]
    let published = try LoopbackDNS.fake(namesJSON: "{\(good)}")
    defer { published.stop() }
    let ok = try sandbox.run(sign + ["--dns-server", published.server])
    #expect(ok.status == 0, "\(ok)")
    #expect(ok.stderrText.contains("toaster-dk: self-check against DNS: DomainKeys A (DK_STAT_OK)"))
    #expect(ok.stderrText.contains("toaster-dk: self-check against DNS: DKIM #1: pass;"))
    let old = try LoopbackDNS.fake(namesJSON: "{\(stale)}")
    defer { old.stop() }
    let mismatch = try sandbox.run(sign + ["--dns-server", old.server])
    #expect(mismatch.status == 1, "\(mismatch)")
    #expect(mismatch.stderrText.contains("toaster-dk: self-check: DKIM #1: pass;"))
    #expect(
      mismatch.stderrText.contains(
        "toaster-dk: self-check against DNS failed: domainkeys, dkim#1 did not verify"))
    let none = try LoopbackDNS.fake(namesJSON: "{}")
    defer { none.stop() }
    let missing = try sandbox.run(sign + ["--dns-server", none.server, "--json"])
    #expect(missing.status == 1)
    #expect(
      missing.stdoutText.contains(
        "no TXT at private._domainkey.example.net (NXDOMAIN from \(none.server))"))
    #expect(missing.stdoutText.contains("\"dns_check\":{"))
    // Without --check-dns nothing is asked.
    #expect(
      try sandbox.run(sign.filter { $0 != "--check-dns" }).status == 0)
    #expect(
      none.lines { $0.contains { $0.hasPrefix("query ") } }.filter { $0.hasPrefix("query ") }.count
        == 1)
  }
}
