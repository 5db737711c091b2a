import ArgumentParser
import KeyStore

#if canImport(Glibc)
  import Glibc
#endif

/// `toaster-dk domain remove`: take a domain's keys out of service, keeping them.
struct DomainRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Move a domain's keys (or one selector's) into .removed; needs --yes.",
    discussion: """
      Without --selector the whole domain directory is moved in one rename, so it is never \
      half removed; qmail-dk then queues that domain's mail unsigned. With --selector only \
      that key and its record file are moved. Nothing is deleted.
      """)

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var keys: DomainKeysArguments
  @Flag(help: "Really remove (move aside).")
  var yes = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let result = try KeyStore(paths: rootOptions.paths).remove(
        domain: keys.domain, selector: keys.selector, confirmed: yes, timestamp: time(nil))
      if output.json { output.printJSON(result.json) }
      guard !output.quiet, !output.json else { return }
      for (from, to) in zip(result.removed, result.backups) {
        DiagnosticPrinter.printNote("moved \(from) to \(to)")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
