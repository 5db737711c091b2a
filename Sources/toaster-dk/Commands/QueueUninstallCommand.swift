import ArgumentParser
import MailPath

/// `toaster-dk queue uninstall`: put back what bin/qmail-queue pointed at before install.
struct QueueUninstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uninstall",
    abstract: "Put back the qmail-queue link that install replaced, byte for byte.")

  @OptionGroup var rootOptions: RootOptions
  @Flag(help: "Say what would change and change nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    let directory = QueueChainDirectory(paths: rootOptions.paths)
    do {
      let saved = directory.read().savedTarget ?? ""
      try directory.uninstall(dryRun: dryRun)
      if output.json { return output.printJSON(directory.read().json) }
      guard !output.quiet else { return }
      DiagnosticPrinter.printNote("\(dryRun ? "would point" : "pointed") qmail-queue at \(saved)")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
