import ArgumentParser
import KeyStore

/// `--format`, `--ttl`, `--testing`: how DNS records are printed.
struct RecordOutputOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Record syntax: bind (zone file), tinydns (tinydns-data), plain (the key record's"
        + " value only) or json.", valueName: "format"))
  var format: RecordFormat = .bind

  @Option(help: ArgumentHelp("Time to live of the records, in seconds.", valueName: "seconds"))
  var ttl: Int = RecordOptions.defaultTTL

  @Flag(
    inversion: .prefixedNo,
    help: "Publish t=y (testing) in the key record and the DomainKeys policy.")
  var testing = false

  /// The record options for `scope`.
  func options(scope: RecordOptions.Scope = .both) throws(KeyStoreError) -> RecordOptions {
    try RecordOptions(ttl: ttl, testing: testing, scope: scope)
  }
}

extension RecordFormat: ExpressibleByArgument {}
