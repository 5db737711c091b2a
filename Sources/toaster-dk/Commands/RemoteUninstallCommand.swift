import ArgumentParser
import MailPath

/// `toaster-dk remote uninstall`: put back what bin/qmail-remote was before install.
struct RemoteUninstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uninstall",
    abstract: "Put back the qmail-remote that install replaced, byte for byte.",
    discussion:
      "Then takes the remote user out of the key readers and its ACL entries off the keys.")

  @OptionGroup var rootOptions: RootOptions
  @Option(
    name: .customLong("remote-user"),
    help: ArgumentHelp("The user qmail-rspawn runs qmail-remote as.", valueName: "user"))
  var remoteUser = RemoteInstaller.defaultSigner
  @OptionGroup var ownership: KeyOwnershipOptions
  @Flag(help: "Say what would change and change nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let report = try RemoteInstaller(paths: rootOptions.paths).uninstall(
        signer: remoteUser, ownership: ownership.resolve(), dryRun: dryRun)
      if output.json {
        return output.printJSON(RemoteChainDirectory(paths: rootOptions.paths).read().json)
      }
      report.permissions.warnings.forEach(DiagnosticPrinter.printWarning)
      report.permissions.changes.forEach { print($0) }
      guard !output.quiet else { return }
      DiagnosticPrinter.printNote(
        "\(dryRun ? "would put" : "put") back the qmail-remote kept as \(RemoteChain.savedName)")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
