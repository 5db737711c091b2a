import ArgumentParser
import MailPath

#if canImport(Glibc)
  import Glibc
#endif

/// `toaster-dk remote install`: point bin/qmail-remote at toaster-dk-remote.
struct RemoteInstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Point bin/qmail-remote at toaster-dk-remote, keeping what was there.",
    discussion: """
      Works over the stock qmail-remote and over QmailToaster's Perl DKIM wrapper; any other \
      layout is refused, unchanged. Does nothing when toaster-dk-remote is already in place.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Option(
    help: ArgumentHelp(
      "The toaster-dk-remote to link to (default: the one beside this toaster-dk).",
      valueName: "path"))
  var launcher: String?
  @Option(
    name: .customLong("remote-user"),
    help: ArgumentHelp("The user qmail-rspawn runs qmail-remote as.", valueName: "user"))
  var remoteUser = RemoteInstaller.defaultSigner
  @Flag(
    help: ArgumentHelp(
      "Import QMT's Perl-wrapper keys (control/dkim/*.key), keeping their selectors.",
      discussion: "Keys under 1024 bits, and selectors that already have a key, are skipped."))
  var importKeys = false
  @OptionGroup var ownership: KeyOwnershipOptions
  @Flag(help: "Say what would change and change nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    let target = launcher ?? RemoteChainDirectory.launcherBesideThisProgram
    do {
      let report = try RemoteInstaller(paths: rootOptions.paths).install(
        launcher: target, signer: remoteUser, ownership: ownership.resolve(),
        importKeys: importKeys, now: Int(time(nil)), dryRun: dryRun)
      if output.json {
        return output.printJSON(RemoteChainDirectory(paths: rootOptions.paths).read().json)
      }
      report.imported.forEach { DiagnosticPrinter.printNote($0.description) }
      report.permissions.warnings.forEach(DiagnosticPrinter.printWarning)
      report.permissions.changes.forEach { print($0) }
      guard !output.quiet else { return }
      let verb = dryRun ? "would point" : "pointed"
      DiagnosticPrinter.printNote(
        report.switched
          ? "\(verb) qmail-remote at \(target)" : "toaster-dk-remote is already installed")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
