import ArgumentParser
import TcpRules
import ToasterSupport

/// `toaster-dk rules set-queue`: set DKQUEUE, the real queue program behind qmail-dk.
struct RulesSetQueueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-queue",
    abstract: "Set DKQUEUE (the queue program qmail-dk hands mail to) on non-relay rules.",
    discussion: """
      On a toaster qmail-queue is a link to qmail-dk and the real queue program is \
      qmail-queue.orig. Pointing DKQUEUE at qmail-queue itself would make qmail-dk run \
      itself forever, so that is refused.
      """
  )

  @Argument(help: ArgumentHelp("The queue program.", valueName: "path"))
  var path: String = ToasterPaths.qmailQueueOrigSystemPath

  @OptionGroup var edit: EditOptions

  func run() throws {
    do {
      let paths = edit.files.rootOptions.paths
      for warning in RulesStore.queueProgramProblems(path, paths: paths) {
        DiagnosticPrinter.printWarning(warning)
      }
      let lines =
        edit.addresses.isEmpty ? LineSelector.nonRelayingAllowRules : edit.selectedAddresses
      try edit.perform { try $0.set("DKQUEUE", to: path, on: lines) }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
