import ArgumentParser
import KeyStore

#if canImport(Glibc)
  import Glibc
#endif

/// `toaster-dk domain add`: generate a domain's key, safely, and print the records to publish.
struct DomainAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Generate a key for a domain and print the DNS records to publish.",
    discussion: """
      The key is never readable beyond its owner and group, not even for an instant, and an \
      existing key is only replaced with --force (the old one is kept in .removed). RSA keys \
      are 2048 bits unless --bits says otherwise; sizes under 2048 need --legacy-key-size. \
      Ed25519 keys are DKIM-only: qmail-dk (DomainKeys) signs with RSA keys only.

      --all and --missing make a key for every domain the toaster serves (see domain list \
      --served) that has none at the selector, one line per domain, going on past a domain \
      that fails (reported at the end, exit status non-zero). --all prints the records of \
      every served domain, --missing only those of the new keys. vpopmail alias domains get \
      no key of their own. A second run changes nothing.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Argument(
    help: ArgumentHelp("The mail domain, e.g. example.com.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName?
  @Option(
    help: ArgumentHelp("The selector, which is also the key's file name.", valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName = .toasterDefault
  @OptionGroup var bulk: BulkAddOptions
  @Option(help: ArgumentHelp("Key algorithm: rsa or ed25519.", valueName: "algorithm"))
  var algorithm = "rsa"
  @Option(help: ArgumentHelp("RSA key size, 2048 to 4096 (default 2048).", valueName: "n"))
  var bits: Int?
  @Flag(help: "Allow RSA sizes under 2048 (1024, or 384-768 for test keys only).")
  var legacyKeySize = false
  @Flag(help: "Replace an existing key (the old one is kept in .removed).")
  var force = false
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var records: RecordOutputOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try bulk.validate(domain: domain, force: force)
  }

  func run() throws {
    do {
      let spec = try KeySpec(algorithmName: algorithm, bits: bits, allowLegacySize: legacyKeySize)
      guard let domain else { return try addServed(spec: spec) }
      let request = AddKeyRequest(
        domain: domain, selector: selector, spec: spec,
        ownership: try ownership.resolve(), force: force, recordOptions: try records.options(),
        timestamp: time(nil))
      let result = try KeyStore(paths: rootOptions.paths).add(request)
      if let warning = spec.warning { DiagnosticPrinter.printWarning(warning) }
      if !output.quiet { DiagnosticPrinter.printNote("created \(result.keyPath) (\(spec))") }
      if output.json { return output.printJSON(result.json) }
      print(RecordRenderer.render(result.records, as: records.format), terminator: "")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
