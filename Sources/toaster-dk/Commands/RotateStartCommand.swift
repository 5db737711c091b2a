import ArgumentParser
import KeyStore
import Rotation

/// `toaster-dk rotate start`: a new key at a new selector for every signing domain.
struct RotateStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Make a new key for every domain that signs today and print its records.",
    discussion: """
      A domain signs today when it has a key at the selector of tcp.smtp's DKSIGN template; \
      the others (aliases, domains without that key) are named and skipped. Keys are made \
      as domain add makes them. The new selector defaults to s and the year and month \
      (s202612), so selectors sort by age. Nothing in tcp.smtp changes yet: publish the \
      records, then run toaster-dk rotate switch. Run again, start prints the records again.

      Only the rsa key of DKSIGN is rotated: qmail-dk signs with nothing else. --algorithm \
      ed25519, or --from naming the selector of toaster-dk-queue's DKSIGN_ED25519, is \
      refused with the steps to replace an Ed25519 key by hand (its signature is a second \
      DKIM signature beside the rsa one, so an early switch fails only that one).
      """)

  @OptionGroup var options: RotateOptions
  @Option(
    help: ArgumentHelp("The new selector (default sYYYYMM).", valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName?
  @Option(
    help: ArgumentHelp(
      "The selector to rotate away from, when tcp.smtp signs with several.",
      valueName: "selector"),
    transform: { try SelectorName($0) })
  var from: SelectorName?
  @Option(
    help: ArgumentHelp("The new keys' algorithm; only rsa is rotated.", valueName: "algorithm"))
  var algorithm = "rsa"
  @Option(help: ArgumentHelp("RSA key size, 2048 to 4096 (default 2048).", valueName: "n"))
  var bits: Int?
  @Flag(help: "Allow RSA sizes under 2048 (1024, or 384-768 for test keys only).")
  var legacyKeySize = false
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var records: RecordOutputOptions

  func run() throws {
    do {
      let result = try options.store.start(
        StartRequest(
          selector: selector, from: from,
          spec: try KeySpec(algorithmName: algorithm, bits: bits, allowLegacySize: legacyKeySize),
          ownership: try ownership.resolve(), recordOptions: try records.options(),
          dryRun: options.dryRun, now: options.now))
      try options.printStart(result, format: records.format)
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
