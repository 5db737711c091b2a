import ArgumentParser
import DNS

// TEMPORARY stand-in for the check helper's DNSOptions (same interface), replaced at merge.
struct DNSOptions: ParsableArguments {
  @Option(
    name: .customLong("dns-server"),
    transform: { text in
      do { return try DNSServer(parsing: text) } catch { throw ValidationError("\(error)") }
    })
  var servers: [DNSServer] = []

  @Option(name: .customLong("dns-timeout"))
  var timeout: Double = ResolverConfiguration.defaultTimeout

  func configuration(domain: String? = nil) -> ResolverConfiguration {
    ResolverConfiguration(
      upstream: servers.isEmpty ? .resolvConf(path: "/etc/resolv.conf") : .forwarders(servers),
      timeout: timeout)
  }
}
