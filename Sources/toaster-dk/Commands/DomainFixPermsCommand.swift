import ArgumentParser
import KeyStore

#if canImport(Glibc)
  import Glibc
#endif

/// `toaster-dk domain fix-perms`: bring the key tree to its owner, group and modes.
struct DomainFixPermsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fix-perms",
    abstract: "Audit and repair owner, group and mode of the key tree (or one domain).",
    discussion: """
      Domain directories become 0750, keys 0440 and record files 0644, owned by \
      root:vchkpw (see --owner, --group, --mode). Modes are never widened on the way. \
      Symbolic links and unknown entries are reported and left alone.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Argument(
    help: ArgumentHelp("Only this domain.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName?
  @OptionGroup var ownership: KeyOwnershipOptions
  @Flag(help: "List the changes and write nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let audit = try KeyStore(paths: rootOptions.paths).fixPermissions(
        domain: domain, ownership: ownership.resolve(), dryRun: dryRun)
      if output.json {
        print(audit.json.text)
        return
      }
      audit.warnings.forEach(DiagnosticPrinter.printWarning)
      audit.changes.forEach { print($0) }
      fflush(nil)
      if !output.quiet {
        let verb = dryRun ? "would change" : "changed"
        DiagnosticPrinter.printNote("\(verb) \(audit.changes.count) path(s)")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
