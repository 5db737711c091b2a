import ArgumentParser
import DKEngine
import DNS

/// Where `test-verify` gets public keys: `--keys dns` (the default, as qmail-dk), `--keys
/// local`, `--key FILE` or `--record TXT`, and how DKIM rsa-sha1 is judged.
struct VerifyKeyOptions: ParsableArguments {
  /// Where key records come from when neither `--key` nor `--record` is given.
  enum Source: String, ExpressibleByArgument, CaseIterable {
    case dns
    case local
  }

  @Option(
    help: ArgumentHelp(
      "Where keys come from: dns (default, as qmail-dk) or local (this host's key directory).",
      discussion: """
        dns asks for SELECTOR._domainkey.DOMAIN TXT (see --dns-server), once per name for the \
        whole run; local derives the record from this host's private keys, offline.
        """,
      valueName: "source"))
  var keys: Source?

  @Option(help: ArgumentHelp("A PEM key (private or public) to verify with.", valueName: "file"))
  var key: String?

  @Option(help: ArgumentHelp("A key record to verify with, e.g. 'k=rsa; p=…'.", valueName: "txt"))
  var record: String?

  @Flag(
    name: .customLong("accept-rsa-sha1"),
    help: ArgumentHelp(
      "Let a DKIM rsa-sha1 signature that verifies pass (legacy).",
      discussion: """
        RFC 8301 says verifiers must not accept rsa-sha1, so by default such a signature is a \
        permerror even when it verifies. DomainKeys (always rsa-sha1) is not affected.
        """))
  var acceptRSASHA1 = false

  @OptionGroup var dns: DNSOptions

  func validate() throws {
    let given = [
      keys.map { "--keys \($0.rawValue)" }, key.map { _ in "--key" },
      record.map { _ in "--record" },
    ]
    .compactMap { $0 }
    if given.count > 1 {
      throw ValidationError("give one of \(given.joined(separator: ", ")), not several")
    }
    if let other = given.first, other != "--keys dns", !dns.servers.isEmpty {
      throw ValidationError("--dns-server goes with keys from DNS, not with \(other)")
    }
  }

  /// The keys of the run: fixed ones, the local key directory's, or a DNS resolver (one
  /// lookup per name for the run), which `dns` then names.
  func resolver(local: () -> LocalKeyResolver, readFile: (String) throws -> [UInt8]) throws
    -> (keys: any KeyResolver, dns: DNSKeyResolver?)
  {
    if let record { return (StaticKeyResolver(record: record), nil) }
    if let key {
      return (
        StaticKeyResolver(record: try LocalKeyResolver.record(fromPEM: try readFile(key))), nil
      )
    }
    guard keys != .local else { return (local(), nil) }
    let resolver = DNSKeyResolver(resolver: try Resolver(dns.configuration()))
    return (resolver, resolver)
  }
}
