import ArgumentParser
import DNS
import Rotation

#if canImport(Glibc)
  import Glibc
#endif

/// `--root`, `--dry-run`, `--time`, `--json`: what every rotate step takes.
struct RotateOptions: ParsableArguments {
  @OptionGroup var rootOptions: RootOptions

  @Flag(help: "Show what the step would change (diffs, records) and change nothing.")
  var dryRun = false

  @Option(
    help: ArgumentHelp(
      "Act as at this time (seconds since the epoch), for the step's time checks.",
      valueName: "seconds"))
  var time: Int?

  @OptionGroup var output: OutputOptions

  /// Now, or `--time`.
  var now: Int { time ?? Int(Glibc.time(nil)) }

  /// The rotation of the toaster under `--root`.
  var store: RotationStore { RotationStore(paths: rootOptions.paths) }
}

/// `--dns-server`, `--negative-ttl`: how the new records are looked up.
struct RotateDNSOptions: ParsableArguments {
  @Option(
    name: .customLong("dns-server"),
    help: ArgumentHelp(
      "Ask this server (ADDR[@PORT], repeatable) instead of those in /etc/resolv.conf.",
      discussion: "Give the domains' authoritative server to see what it serves now.",
      valueName: "addr"),
    transform: { try DNSServer(parsing: $0) })
  var servers: [DNSServer] = []

  @Option(
    help: ArgumentHelp(
      "Seconds resolvers may cache a negative answer (the zone's SOA minimum; default 3600).",
      valueName: "seconds"))
  var negativeTTL = RotationClock.defaultNegativeTTL

  /// The checker these options describe.
  func checker() throws -> ResolverRecordChecker {
    let upstream: ResolverConfiguration.Upstream =
      servers.isEmpty
      ? .resolvConf(path: ResolverConfiguration.systemResolvConf) : .forwarders(servers)
    return ResolverRecordChecker(resolver: try Resolver(ResolverConfiguration(upstream: upstream)))
  }
}
