import ArgumentParser
import DNS
import Testing

@testable import toaster_dk

struct DNSOptionsTests {
  /// The usage error ArgumentParser prints for `arguments`, or nil when they parse.
  func usageError(_ arguments: [String]) -> String? {
    do {
      _ = try DNSOptions.parse(arguments)
      return nil
    } catch {
      #expect(DNSOptions.exitCode(for: error) == .validationFailure)
      return DNSOptions.message(for: error)
    }
  }

  @Test func defaultsToResolvConfWithoutDNSSEC() throws {
    let configuration = try DNSOptions.parse([]).configuration(domain: "example.com")
    #expect(configuration.upstream == .resolvConf(path: "/etc/resolv.conf"))
    #expect(configuration.timeout == ResolverConfiguration.defaultTimeout)
    #expect(configuration.trustAnchorFile == nil)
  }

  @Test func repeatedServersAreForwardersInOrder() throws {
    let options = try DNSOptions.parse([
      "--dns-server", "127.0.0.2", "--dns-server", "::1@5353", "--dns-timeout", "1.5",
      "--resolv-conf", "/nonexistent",
    ])
    let configuration = options.configuration(domain: "example.com")
    #expect(
      configuration.upstream
        == .forwarders([DNSServer(address: "127.0.0.2"), DNSServer(address: "::1", port: 5353)]))
    #expect(configuration.timeout == 1.5)
  }

  @Test func authoritativeServersAreAStubForTheDomain() throws {
    let options = try DNSOptions.parse(["--dns-server", "127.0.0.2", "--dns-authoritative"])
    #expect(
      options.configuration(domain: "example.com").upstream
        == .stub(zone: "example.com", servers: [DNSServer(address: "127.0.0.2")]))
    #expect(
      options.configuration().upstream == .forwarders([DNSServer(address: "127.0.0.2")]))
  }

  @Test func aResolvConfElsewhere() throws {
    let options = try DNSOptions.parse(["--resolv-conf", "/tmp/resolv.conf"])
    #expect(options.configuration().upstream == .resolvConf(path: "/tmp/resolv.conf"))
  }

  @Test func dnssecTakesTheTrustAnchorFile() throws {
    // Any readable file will do for parsing; libunbound reads it when the resolver starts.
    let options = try DNSOptions.parse(["--dnssec", "--trust-anchor", "/etc/hostname"])
    #expect(options.configuration().trustAnchorFile == "/etc/hostname")
    #expect(options.configuration().validates)
  }

  @Test(arguments: [
    (
      ["--dns-server", "127.0.0.1:53"],
      "The value '127.0.0.1:53' is invalid for '--dns-server <addr[@port]>': invalid dns server"
        + " '127.0.0.1:53': not a numeric IPv4 or IPv6 address; write ADDR@PORT"
    ),
    (
      ["--dns-server", "ns1.example.com"],
      "The value 'ns1.example.com' is invalid for '--dns-server <addr[@port]>': invalid dns"
        + " server 'ns1.example.com': not a numeric IPv4 or IPv6 address"
    ),
    (
      ["--dns-timeout", "0"],
      "The value '0' is invalid for '--dns-timeout <seconds>': invalid dns timeout '0': give a"
        + " number of seconds above 0 and at most 600"
    ),
    (
      ["--dns-timeout", "soon"],
      "The value 'soon' is invalid for '--dns-timeout <seconds>': invalid dns timeout 'soon':"
        + " give a number of seconds above 0 and at most 600"
    ),
    (["--dns-authoritative"], "--dns-authoritative needs --dns-server: the servers to ask"),
    (["--trust-anchor", "/etc/hostname"], "--trust-anchor /etc/hostname goes with --dnssec"),
    (
      ["--dnssec", "--trust-anchor", "/nonexistent/root.key"],
      "--trust-anchor /nonexistent/root.key: No such file or directory"
    ),
  ])
  func badValuesAreUsageErrorsNamingTheOption(arguments: [String], message: String) {
    #expect(usageError(arguments) == message)
  }
}
