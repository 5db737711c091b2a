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
      root:vchkpw (see --owner, --group). Modes are never widened on the way. Then the \
      signing user (--signer-user, default vpopmail) must be able to read every key as \
      qmail-dk does: a key directory it cannot search gets the search bit it lacks, and \
      what fix-perms cannot repair (a directory above the key directory, a signer outside \
      the group) is a warning with the fix. Symbolic links (alias domains included) and \
      unknown entries are reported and left alone.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Argument(
    help: ArgumentHelp("Only this domain.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName?
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var signer: SignerOptions
  @Flag(help: "List the changes and write nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let audit = try KeyStore(paths: rootOptions.paths).fixPermissions(
        domain: domain, ownership: ownership.resolve(), signerNames: signer.names,
        dryRun: dryRun)
      if output.json {
        output.printJSON(audit.json)
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
