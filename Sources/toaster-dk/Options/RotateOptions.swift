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

/// The shared DNS options plus `--negative-ttl`: how the new records are looked up.
struct RotateDNSOptions: ParsableArguments {
  @OptionGroup var dns: DNSOptions

  @Option(
    help: ArgumentHelp(
      "Seconds resolvers may cache a negative answer (the zone's SOA minimum; default 3600).",
      valueName: "seconds"))
  var negativeTTL = RotationClock.defaultNegativeTTL

  /// The checker these options describe: one resolver per configuration (per domain
  /// under `--dns-authoritative`).
  var checker: ResolverRecordChecker {
    ResolverRecordChecker { domain in dns.configuration(domain: domain) }
  }
}
