import DNS
import KeyStore
import TestSupport
import Testing

/// Our own BIND lines in a zone served by the real named.
@Suite(.enabled(if: LoopbackDNS.missing("named") == nil, "\(LoopbackDNS.missing("named") ?? "")"))
struct NamedResolverTests {
  @Test(arguments: [2048, 4096])
  func servesOurKeyRecord(bits: Int) throws {
    let set = try PublishedRecords.make(bits: bits)
    let server = try LoopbackDNS.named(
      zone: PublishedRecords.zone([set], extra: "nodata._domainkey IN HINFO \"pc\" \"linux\"\n"),
      origin: "example.com")
    defer { server.stop() }
    let resolver = try Resolver(
      ResolverConfiguration(
        upstream: .forwarders([try DNSServer(parsing: server.server)]), timeout: 2))
    let outcome = resolver.txt("private._domainkey.example.com")
    guard case .records(let answer) = outcome else {
      Issue.record("no records from named: \(outcome)\n\(server.lines.joined(separator: "\n"))")
      return
    }
    #expect(answer.records.map(\.joined) == [Array(set.key.value.utf8)])
    #expect(answer.records[0].strings.allSatisfy { $0.count <= 255 })
    // Over 512 bytes the answer came by TCP after truncation (named has TCP; tinydns has not).
    #expect((answer.minimumReplySize > 512) == (bits == 4096))
    guard case .nodata(let negative) = resolver.txt("nodata._domainkey.example.com") else {
      Issue.record("expected NODATA")
      return
    }
    #expect(negative.ttl == 300)
  }
}
