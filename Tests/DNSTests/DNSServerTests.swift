import DNS
import Testing

struct DNSServerTests {
  @Test(
    arguments: [
      ("127.0.0.1", "127.0.0.1", nil), ("127.0.0.1@5353", "127.0.0.1", 5353),
      ("::1", "::1", nil), ("::1@53", "::1", 53),
    ] as [(String, String, UInt16?)])
  func parsesAddressAndPort(text: String, address: String, port: UInt16?) throws {
    let server = try DNSServer(parsing: text)
    #expect(server.address == address)
    #expect(server.port == port)
    #expect(server.description == text)
  }

  @Test(arguments: [
    ("127.0.0.1:53", "not a numeric IPv4 or IPv6 address; write ADDR@PORT"),
    ("ns1.example.net", "not a numeric IPv4 or IPv6 address"),
    ("127.0.0.1@0", "port '0' is not a number from 1 to 65535"),
    ("127.0.0.1@70000", "port '70000' is not a number from 1 to 65535"),
    ("", "not a numeric IPv4 or IPv6 address"),
  ])
  func refusesOtherForms(text: String, reason: String) {
    #expect(throws: DNSError.invalidServer(text, reason)) { try DNSServer(parsing: text) }
  }

  @Test func refusesANonPositiveTimeout() {
    #expect(throws: DNSError.invalidTimeout(0)) {
      try Resolver(ResolverConfiguration(upstream: .forwarders([]), timeout: 0))
    }
  }

  @Test func namesAnUnreadableResolvConf() {
    let error = DNSError.unreadableFile(
      path: "/nonexistent/resolv.conf", what: "resolver configuration")
    #expect(throws: error) {
      try Resolver(ResolverConfiguration(upstream: .resolvConf(path: "/nonexistent/resolv.conf")))
    }
    #expect(error.description == "unable to read resolver configuration /nonexistent/resolv.conf")
  }

  @Test func replySizeCountsEveryString() {
    let answer = TXTAnswer(
      name: "private._domainkey.example.com",
      records: [TXTRecord(strings: [Array(repeating: 0x61, count: 255), [0x62]])], ttl: 60)
    // 12 header + (32 name + 4) question + 12 RR header + 257 rdata.
    #expect(answer.minimumReplySize == 12 + 36 + 12 + 258)
    #expect(answer.records[0].joined.count == 256)
  }
}
