import ArgumentParser
import MailPath

/// `toaster-dk queue install`: point bin/qmail-queue at toaster-dk-queue.
struct QueueInstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Point bin/qmail-queue at toaster-dk-queue, keeping the qmail-dk link.",
    discussion: """
      Refuses anything but QmailToaster's qmail-queue -> qmail-dk link with \
      qmail-queue.orig present. Does nothing when toaster-dk-queue is already in place.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Option(
    help: ArgumentHelp(
      "The toaster-dk-queue to link to (default: the one beside this toaster-dk).",
      valueName: "path"))
  var filter: String?
  @Flag(help: "Say what would change and change nothing.")
  var dryRun = false
  @OptionGroup var output: OutputOptions

  func run() throws {
    let target = filter ?? QueueChainDirectory.filterBesideThisProgram
    let directory = QueueChainDirectory(paths: rootOptions.paths)
    do {
      let changed = try directory.install(filter: target, dryRun: dryRun)
      if output.json { return output.printJSON(directory.read().json) }
      guard !output.quiet else { return }
      let verb = dryRun ? "would point" : "pointed"
      DiagnosticPrinter.printNote(
        changed ? "\(verb) qmail-queue at \(target)" : "toaster-dk-queue is already installed")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
