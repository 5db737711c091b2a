import DKEngine
import DNS
import Foundation
import LibCrypto
import TestSupport
import Testing

/// The spec's verdict table (dns.md §3.3) end to end: a message signed with DomainKeys and
/// DKIM for a selector served by the python3-dnslib fake, verified through live DNS.
@Suite(.enabled(if: LoopbackDNS.missing("dnslib") == nil, "\(LoopbackDNS.missing("dnslib") ?? "")"))
struct VerdictTableTests {
  static let key: PrivateKey? = try? PrivateKey.generateRSA(bits: 2048)
  static let other: PrivateKey? = try? PrivateKey.generateRSA(bits: 2048)

  static func record(_ key: PrivateKey?) -> String {
    guard let der = try? key?.publicKey().subjectPublicKeyInfoDER() else { return "" }
    return "v=DKIM1; k=rsa; p=" + Base64.encode(der)
  }

  // A record as TXT strings of at most 200 bytes.
  static func strings(_ text: String) -> String {
    var parts: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      parts.append(String(rest.prefix(200)))
      rest = rest.dropFirst(200)
    }
    return "[" + parts.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
  }

  static var names: String {
    let good = strings(record(key))
    let wrong = strings(record(other))
    let entries = [
      "good": "{\"txt\": [\(good)]}",
      "many": "{\"txt\": [[\(record(key).map { "\"\($0)\"" }.joined(separator: ", "))]]}",
      "cname": "{\"cname\": \"target.example.net.\"}",
      "target": "{\"txt\": [\(good)]}",
      "nodata": "{\"nodata\": true}",
      "servfail": "{\"rcode\": \"SERVFAIL\"}",
      "refused": "{\"rcode\": \"REFUSED\"}",
      "silent": "{\"silent\": true}",
      "truncated": "{\"truncated\": true}",
      "revoked": "{\"txt\": [[\"v=DKIM1; k=rsa; p=\"]]}",
      "nop": "{\"txt\": [[\"v=DKIM1; k=rsa\"]]}",
      "badkey": "{\"txt\": [[\"k=rsa; p=AAAA\"]]}",
      "twowrongfirst": "{\"txt\": [\(wrong), \(good)]}",
      "spffirst": "{\"txt\": [[\"v=spf1 -all\"], \(good)]}",
      "eperm": "{\"txt\": [[\"e=perm;\"]]}",
      "etemp": "{\"txt\": [[\"e=temp;\"]]}",
    ]
    let body = entries.sorted { $0.key < $1.key }.map { name, value in
      "\"\(name == "target" ? "target.example.net" : "\(name)._domainkey.example.net")\": \(value)"
    }
    return "{" + body.joined(separator: ",\n") + "}"
  }

  // selector → (DomainKeys letter, DKIM verdict word, DKVERIFY=DEGIJKfh decision)
  static let table: [(String, String, String, DKVerifyDecision)] = [
    ("good", "A", "pass", .accept),
    ("many", "A", "pass", .accept),
    ("cname", "A", "pass", .accept),
    ("absent", "D", "permerror", .permanentReject),
    ("nodata", "D", "permerror", .permanentReject),
    ("servfail", "F", "temperror", .temporaryReject),
    ("refused", "F", "temperror", .temporaryReject),
    ("silent", "F", "temperror", .temporaryReject),
    ("truncated", "F", "temperror", .temporaryReject),
    ("revoked", "J", "permerror", .permanentReject),
    ("nop", "D", "permerror", .permanentReject),
    ("badkey", "E", "permerror", .permanentReject),
    // libdomainkeys takes the first record only; DKIM tries each (RFC 6376 §6.1.2).
    ("twowrongfirst", "B", "pass", .accept),
    ("spffirst", "D", "pass", .permanentReject),
    // The sentinels are a libdomainkeys quirk: DKIM reads them as records without p=.
    ("eperm", "D", "permerror", .permanentReject),
    ("etemp", "F", "permerror", .temporaryReject),
  ]

  func signed(selector: String) throws -> [UInt8] {
    let text = "From: Alice <alice@example.net>\nTo: bob@example.org\nSubject: hi\n\nHello\n"
    var request = SignRequest(
      message: Array(text.utf8), environment: QmailDKEnvironment([:]), now: 1_700_000_000)
    request.keys = [try #require(Self.key).pkcs8PEM()]
    request.selectors = [selector]
    request.domain = "example.net"
    request.method = .both
    request.selfCheck = false
    return try DryRun.sign(request) { _ in .notFound }.output
  }

  @Test func everyDNSOutcomeMapsAsTheTableSays() throws {
    let server = try LoopbackDNS.fake(namesJSON: Self.names)
    defer { server.stop() }
    let resolver = try Resolver(
      ResolverConfiguration(
        upstream: .forwarders([try DNSServer(parsing: server.server)]), timeout: 1))
    let keys = DNSKeyResolver(resolver: resolver)
    for (selector, letter, dkim, decision) in Self.table {
      let report = DryRun.verify(
        VerifyRequest(
          message: try signed(selector: selector), environment: QmailDKEnvironment([:]),
          dkVerify: "DEGIJKfh", resolver: keys, now: 1_700_000_000))
      #expect(String(report.domainKeys.status.letter) == letter, "\(selector): \(report.lines())")
      #expect(report.dkim.map(\.verdict.word) == [dkim], "\(selector): \(report.lines())")
      #expect(report.decision == decision, "\(selector)")
    }
    // One question per name for the whole run, DomainKeys and DKIM sharing it.
    #expect(keys.lookupCount == Self.table.count)
    let asked = server.lines { $0.contains { $0.contains("good._domainkey") } }.filter {
      $0.hasPrefix("query ") && $0.hasSuffix(" TXT")
    }
    #expect(asked.filter { $0.contains("good._domainkey") }.count == 1)
  }

  @Test func reasonsSayWhereTheKeyWasLookedFor() throws {
    let server = try LoopbackDNS.fake(namesJSON: Self.names)
    defer { server.stop() }
    let resolver = try Resolver(
      ResolverConfiguration(
        upstream: .forwarders([try DNSServer(parsing: server.server)]), timeout: 1))
    let keys = DNSKeyResolver(resolver: resolver)
    #expect(
      keys.lookup(selector: "absent", domain: "example.net")
        == .notFound(
          reason: "no TXT at absent._domainkey.example.net (NXDOMAIN from \(server.server))"))
    #expect(
      keys.lookup(selector: "servfail", domain: "example.net")
        == .temporaryFailure(
          reason: "TXT lookup of servfail._domainkey.example.net failed: SERVFAIL (or REFUSED, "
            + "or a truncated answer without TCP) from \(server.server)"))
  }
}
