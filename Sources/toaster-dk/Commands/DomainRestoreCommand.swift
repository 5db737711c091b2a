import ArgumentParser
import KeyStore

/// `toaster-dk domain restore`: bring a removed key back from .removed.
struct DomainRestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Bring a removed key (and its record file) back from .removed.",
    discussion: """
      Finds what domain remove (or add --force) moved into .removed for the domain: a whole \
      domain directory or one selector's key. When several match, they are listed; choose \
      one with --from STAMP (as in the backup's name, e.g. 20260101T094500Z or \
      20260101T094500Z.1) and --selector. A live key is never overwritten. Each file gets \
      the usual owner and mode before it is linked back into place, so it appears whole and \
      is never readable beyond its owner and group.
      """)

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var keys: DomainKeysArguments
  @Option(
    name: .customLong("from"),
    help: ArgumentHelp("The backup's time stamp, as in its name in .removed.", valueName: "stamp"))
  var stamp: String?
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let result = try KeyStore(paths: rootOptions.paths).restore(
        domain: keys.domain, selector: keys.selector, from: stamp,
        ownership: try ownership.resolve())
      if output.json { return output.printJSON(result.json) }
      guard !output.quiet else { return }
      for (from, to) in result.moved { DiagnosticPrinter.printNote("restored \(to) from \(from)") }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
