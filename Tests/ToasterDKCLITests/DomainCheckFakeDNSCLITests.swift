import Foundation
import TestSupport
import Testing

/// What real servers will not do on demand, from the python3-dnslib fake: each answer and
/// the finding and exit status `domain check` gives for it.
@Suite(.enabled(if: LoopbackDNS.missing("dnslib") == nil, "\(LoopbackDNS.missing("dnslib") ?? "")"))
struct DomainCheckFakeDNSCLITests {
  /// JSON text of a string.
  static func quoted(_ text: String) -> String {
    let data = try? JSONSerialization.data(withJSONObject: [text])
    return String(decoding: data ?? Data(), as: UTF8.self).dropFirst().dropLast().description
  }

  /// A record's value as JSON strings of at most 255 bytes, as a DNS server sends them.
  static func strings(_ value: String) -> String {
    stride(from: 0, to: value.count, by: 255).map {
      quoted(String(value.dropFirst($0).prefix(255)))
    }.joined(separator: ", ")
  }

  /// Runs `domain check` against the fake serving `behaviour(KEY VALUE)` at the selector's
  /// name, plus the names `others(KEY VALUE)` gives (JSON members).
  func run(_ behaviour: (String) -> String, others: (String) -> String = { _ in "" })
    throws -> (ProcessResult, String)
  {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add()
    let value = try box.keyValue()
    let names = "{\"private._domainkey.example.com\": \(behaviour(value))\(others(value))}"
    let server = try LoopbackDNS.fake(namesJSON: names)
    defer { server.stop() }
    return (try box.check(server), value)
  }

  @Test(arguments: [
    ("{\"rcode\": \"SERVFAIL\"}", "SERVFAIL (or REFUSED, or a truncated answer without TCP)"),
    ("{\"rcode\": \"REFUSED\"}", "SERVFAIL (or REFUSED, or a truncated answer without TCP)"),
    ("{\"silent\": true}", "timeout: no answer within 1.5 s"),
  ])
  func failuresAreTemporary(behaviour: String, reason: String) throws {
    let (check, _) = try run { _ in behaviour }
    #expect(check.status == 75, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: temporary: private temporary failure;"))
    #expect(
      findingLines(check, "temporary").first?.hasPrefix(
        "  temporary: TXT lookup of private._domainkey.example.com failed: \(reason) from") == true)
    #expect(findingLines(check, "error").isEmpty)
  }

  @Test func twoRecordsSayWhichOneVerifiersTake() throws {
    let (check, _) = try run { value in
      "{\"txt\": [[\(Self.strings(value))], [\"v=spf1 -all\"]]}"
    }
    #expect(check.status == 1, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: problem: private matches;"))
    #expect(
      findingLines(check, "error") == [
        "  error: 2 TXT records at private._domainkey.example.com: libdomainkeys (qmail-dk),"
          + " Mail::DKIM and dkimpy take the first the resolver returns, and resolvers rotate"
          + " them; OpenDKIM refuses them all; record #1, served first now, has the local key:"
          + " remove all but one"
      ])
  }

  @Test func aCNAMEChainIsFollowedAndShown() throws {
    let (check, _) = try run(
      { _ in "{\"cname\": \"k1.example.com.\"}" },
      others: { value in
        ", \"k1.example.com\": {\"cname\": \"keys.example.com.\"}, \"keys.example.com\":"
          + " {\"txt\": [[\(Self.strings(value))]]}"
      })
    #expect(check.status == 0, "\(check)")
    #expect(
      check.stdoutText.contains(
        "  note: private._domainkey.example.com is a CNAME: private._domainkey.example.com →"
          + " k1.example.com → keys.example.com; the key is served from keys.example.com\n"))
  }

  @Test func aRecordSplitIntoManyStringsIsAWarning() throws {
    let (check, value) = try run { value in
      let (head, key) = (value.prefix(16), value.dropFirst(16))
      let strings =
        [String(head), "p", "="]
        + stride(from: 2, to: key.count, by: 40).map {
          String(key.dropFirst($0).prefix(40))
        }
      return "{\"txt\": [[\(strings.map(Self.quoted).joined(separator: ", "))]]}"
    }
    #expect(value.hasPrefix("v=DKIM1; k=rsa; p="))
    #expect(check.status == 0, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: ok: private matches;"))
    #expect(
      findingLines(check, "warning").first?.hasPrefix(
        "  warning: private._domainkey.example.com is split outside its p= value (at byte 16,"
          + " 17, 18)") == true)
  }
}
