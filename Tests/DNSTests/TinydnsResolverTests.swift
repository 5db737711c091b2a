import DNS
import KeyStore
import TestSupport
import Testing

/// Our own tinydns-data lines, compiled by the real tinydns-data and served by tinydns.
@Suite(
  .enabled(
    if: LoopbackDNS.missing("tinydns", "tinydns-data") == nil,
    "\(LoopbackDNS.missing("tinydns", "tinydns-data") ?? "")"))
struct TinydnsResolverTests {
  func resolver(_ server: LoopbackDNS, stub: Bool = false) throws -> Resolver {
    let servers = [DNSServer(address: server.address)]
    return try Resolver(
      ResolverConfiguration(
        upstream: stub ? .stub(zone: "example.com", servers: servers) : .forwarders(servers),
        timeout: 2))
  }

  @Test(arguments: [false, true])
  func servesOurKeyRecordSplitAsTinydnsSplitsIt(stub: Bool) throws {
    let set = try PublishedRecords.make()
    let server = try LoopbackDNS.tinydns(data: PublishedRecords.tinydnsData([set]))
    defer { server.stop() }
    let outcome = try resolver(server, stub: stub).txt("private._domainkey.example.com")
    guard case .records(let answer) = outcome else {
      Issue.record("\(outcome)")
      return
    }
    #expect(answer.records.count == 1)
    #expect(answer.records[0].joined == Array(set.key.value.utf8))
    #expect(answer.records[0].strings.map(\.count) == [127, 127, 127, 29])
    #expect(answer.ttl == 600)
    #expect(answer.minimumReplySize <= 512)
  }

  @Test func anAbsentSelectorIsNXDOMAIN() throws {
    let server = try LoopbackDNS.tinydns(
      data: PublishedRecords.tinydnsData([try PublishedRecords.make(selector: "sel")]))
    defer { server.stop() }
    let resolver = try resolver(server)
    #expect(
      resolver.txt("private._domainkey.example.com")
        == .nxdomain(NegativeAnswer(name: "private._domainkey.example.com", ttl: 2560)))
  }

  @Test func aHostWithoutTXTIsNODATA() throws {
    let server = try LoopbackDNS.tinydns(
      data: PublishedRecords.tinydnsData(
        [], extra: "+nodata._domainkey.example.com:127.0.0.9:300\n"))
    defer { server.stop() }
    guard case .nodata = try resolver(server).txt("nodata._domainkey.example.com") else {
      Issue.record("expected NODATA")
      return
    }
  }

  @Test func a4096BitKeyDoesNotFitTinydnsUDP() throws {
    let set = try PublishedRecords.make(bits: 4096)
    let server = try LoopbackDNS.tinydns(data: PublishedRecords.tinydnsData([set]))
    defer { server.stop() }
    #expect(
      try resolver(server).txt("private._domainkey.example.com")
        == .temporaryFailure(.serverFailure(rcode: 2)))
  }

  @Test func readsTheServersOfAResolvConf() throws {
    let set = try PublishedRecords.make()
    let server = try LoopbackDNS.tinydns(data: PublishedRecords.tinydnsData([set]))
    defer { server.stop() }
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write("search example.com\nnameserver \(server.address)\n", to: "resolv.conf")
    let resolver = try Resolver(
      ResolverConfiguration(upstream: .resolvConf(path: tmp.join("resolv.conf")), timeout: 2))
    guard case .records(let answer) = resolver.txt("private._domainkey.example.com") else {
      Issue.record("no records through resolv.conf")
      return
    }
    #expect(answer.records.map(\.joined) == [Array(set.key.value.utf8)])
  }
}
