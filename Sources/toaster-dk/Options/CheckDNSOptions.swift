import ArgumentParser
import DNS

/// `test-sign --check-dns`: verify the signed message with the records DNS serves too.
struct CheckDNSOptions: ParsableArguments {
  @Flag(
    name: .customLong("check-dns"),
    help: ArgumentHelp(
      "Also verify the signed message with the key records DNS serves.",
      discussion: """
        The self-check proves the signature matches the private key; this proves it matches \
        what receivers fetch (SELECTOR._domainkey.DOMAIN TXT, see --dns-server): a record \
        that is stale, missing or unreachable makes the run fail.
        """))
  var checkDNS = false

  @OptionGroup var dns: DNSOptions

  func validate() throws {
    if !checkDNS && !dns.servers.isEmpty {
      throw ValidationError("--dns-server goes with --check-dns")
    }
  }

  /// The resolver for the published records, when asked for.
  ///
  /// - Throws: `DNSError` when the resolver cannot be set up.
  func published() throws -> DNSKeyResolver? {
    guard checkDNS else { return nil }
    return DNSKeyResolver(resolver: try Resolver(dns.configuration()))
  }
}
