import DNS
import Testing

struct ResolverConfigurationTests {
  @Test func withoutServersAsksTheResolvConfServers() throws {
    let configuration = try ResolverConfiguration(servers: [], stubZone: "example.com")
    #expect(configuration.upstream == .resolvConf(path: "/etc/resolv.conf"))
    #expect(configuration.timeout == 5)
    #expect(!configuration.validates)
  }

  @Test func serversAreForwardersUnlessAZoneIsGiven() throws {
    let servers = [DNSServer(address: "127.0.0.1", port: 5353), DNSServer(address: "::1")]
    let forward = try ResolverConfiguration(servers: servers, timeout: 0.5)
    #expect(forward.upstream == .forwarders(servers))
    #expect(forward.timeout == 0.5)
    let stub = try ResolverConfiguration(
      servers: servers, stubZone: "example.com", trustAnchorFile: "/usr/share/dns/root.key")
    #expect(stub.upstream == .stub(zone: "example.com", servers: servers))
    #expect(stub.validates)
    #expect(stub.serverDescription == "127.0.0.1@5353, ::1")
  }

  @Test(arguments: ["5", "0.25", "600", "1e2"])
  func parsesATimeout(text: String) throws {
    #expect(try ResolverConfiguration.parseTimeout(text) == Double(text))
  }

  @Test(arguments: ["0", "-1", "abc", "", "inf", "nan", "600.5", "1e9"])
  func refusesATimeoutOutOfRange(text: String) {
    #expect(throws: DNSError.invalidTimeoutText(text)) {
      try ResolverConfiguration.parseTimeout(text)
    }
    #expect(
      DNSError.invalidTimeoutText(text).description
        == "invalid dns timeout '\(text)': give a number of seconds above 0 and at most 600")
  }

  // An infinite deadline used to overflow the millisecond count and trap.
  @Test(arguments: [Double.infinity, 1e300, -.infinity, .nan])
  func aResolverRefusesADeadlineOutOfRange(seconds: Double) {
    #expect(throws: DNSError.self) {
      try Resolver(ResolverConfiguration(upstream: .forwarders([]), timeout: seconds))
    }
  }
}
