import Foundation
import TestSupport
import Testing

/// `domain add` → `domain dns --format tinydns` → the real tinydns-data and tinydns →
/// `domain check`.
@Suite(
  .enabled(
    if: LoopbackDNS.missing("tinydns", "tinydns-data") == nil,
    "\(LoopbackDNS.missing("tinydns", "tinydns-data") ?? "")"))
struct DomainCheckTinydnsCLITests {
  @Test(arguments: [false, true])
  func thePublishedKeyMatches(authoritative: Bool) throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let server = try LoopbackDNS.tinydns(
      data: DomainCheckSandbox.tinydnsData(try box.records(format: "tinydns")))
    defer { server.stop() }
    let check = try box.check(server, authoritative ? ["--dns-authoritative"] : [])
    #expect(check.status == 0, "\(check)")
    let lines = check.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.first == "example.com: ok: private matches; _domainkey o=-; _dmarc p=none")
    #expect(
      lines.contains(
        "  note: \(box.sandbox.root)/etc/tcprules.d/tcp.smtp:1"
          + " DKSIGN=/var/qmail/control/domainkeys/%/private makes qmail-dk sign with selector"
          + " private"))
    #expect(
      lines.contains("  note: private._domainkey.example.com: 4 strings of 127,127,127,29 bytes"))
    #expect(lines.contains("  note: private._domainkey.example.com: TTL 3600 s"))
    #expect(findingLines(check, "warning").isEmpty && findingLines(check, "error").isEmpty)
    let json = try box.check(server, ["--json"])
    #expect(json.status == 0)
    #expect(json.stdoutText.hasPrefix("{\"domains\":[{\"dmarc\":{"))
    #expect(json.stdoutText.contains("\"status\":\"matches\""))
    #expect(json.stdoutText.hasSuffix(",\"verdict\":\"ok\"}\n"))
  }

  @Test func aKeyReplacedLocallyIsADifferentKey() throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let server = try LoopbackDNS.tinydns(
      data: DomainCheckSandbox.tinydnsData(try box.records(format: "tinydns")))
    defer { server.stop() }
    try box.add("example.com", ["--force"])
    let check = try box.check(server)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: problem: private different key;"))
    let errors = findingLines(check, "error")
    #expect(errors.count == 1)
    #expect(errors.first?.contains("serves a different key (sha256:") == true)
    #expect(
      errors.first?.hasSuffix(
        "a stale record; publish the record toaster-dk domain dns example.com prints") == true)
  }

  @Test func aRemovedRecordIsNotPublished() throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let lines = try box.records(format: "tinydns").split(separator: "\n")
      .filter { !$0.hasPrefix("'private._domainkey.") }.joined(separator: "\n")
    let server = try LoopbackDNS.tinydns(data: DomainCheckSandbox.tinydnsData(lines + "\n"))
    defer { server.stop() }
    let check = try box.check(server)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: problem: private not published;"))
    #expect(
      findingLines(check, "error") == [
        "  error: no TXT record at private._domainkey.example.com (NXDOMAIN from"
          + " \(server.address)): verifiers find no key (DomainKeys D NOKEY, DKIM permerror):"
          + " publish the record toaster-dk domain dns example.com prints"
      ])
    #expect(
      findingLines(check, "warning") == [
        "  warning: _domainkey.example.com says all mail from example.com is signed (o=-), but"
          + " no published key matches a local one"
      ])
    #expect(check.stdoutText.contains("  note: resolvers that asked keep this negative answer"))
  }

  // DMARC p=reject with no published key matching: receivers reject the domain's mail, an
  // error; the same policy with the key published is fine.
  @Test(arguments: [false, true])
  func dmarcRejectWithoutAMatchingKeyIsAnError(published: Bool) throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let lines = try box.records(format: "tinydns").split(separator: "\n")
      .filter { published || !$0.hasPrefix("'private._domainkey.") }
      .map { $0.replacing("p=none", with: "p=reject") }.joined(separator: "\n")
    #expect(lines.contains("'_dmarc.example.com:v=DMARC1; p=reject"))
    let server = try LoopbackDNS.tinydns(data: DomainCheckSandbox.tinydnsData(lines + "\n"))
    defer { server.stop() }
    let check = try box.check(server)
    #expect(check.status == (published ? 0 : 1), "\(check)")
    #expect(check.stdoutText.split(separator: "\n").first?.hasSuffix("_dmarc p=reject") == true)
    let dmarc = findingLines(check, "error").filter { $0.contains("_dmarc.example.com") }
    #expect(
      dmarc
        == (published
          ? []
          : [
            "  error: _dmarc.example.com asks receivers to reject mail that fails DMARC"
              + " (p=reject), but no published key matches a local one: DKIM cannot pass"
          ]),
      "\(check)")
    let json = try box.check(server, ["--json"])
    #expect(json.status == check.status)
    #expect(json.stdoutText.contains("\"policy\":\"p=reject\""), "\(json)")
  }

  @Test func testingIsAWarningNotAFailure() throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let server = try LoopbackDNS.tinydns(
      data: DomainCheckSandbox.tinydnsData(
        try box.records(format: "tinydns", ["--testing"])))
    defer { server.stop() }
    let check = try box.check(server)
    #expect(check.status == 0, "\(check)")
    #expect(
      findingLines(check, "warning") == [
        "  warning: t=y is set at private._domainkey.example.com: receivers may treat signed"
          + " mail as unsigned; publish the record without --testing once mail verifies"
      ])
  }

  @Test func a4096BitKeyFromTinydnsIsThe512ByteProblem() throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add("example.com", ["--bits", "4096"])
    let server = try LoopbackDNS.tinydns(
      data: DomainCheckSandbox.tinydnsData(try box.records(format: "tinydns")))
    defer { server.stop() }
    let check = try box.check(server)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: problem: private temporary failure;"))
    let errors = findingLines(check, "error")
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix(
        "  error: the local key's record makes an answer of at least 8") == true)
    #expect(errors.first?.contains("tinydns without axfrdns") == true)
    #expect(findingLines(check, "temporary").first?.contains("SERVFAIL") == true)
  }
}
