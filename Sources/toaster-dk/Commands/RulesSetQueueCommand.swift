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
      qmail-queue.orig. A program that leads back to qmail-dk (qmail-queue itself, \
      anything resolving to what qmail-queue points at, or simscan built to hand mail to \
      qmail-queue) would make qmail-dk run itself forever, so it is refused without \
      --force (exit 64). A program that does not exist gets a warning. 'rules lint' \
      reports the same problems.
      """
  )

  @Argument(help: ArgumentHelp("The queue program.", valueName: "path"))
  var path: String = ToasterPaths.qmailQueueOrigSystemPath

  @Flag(help: "Set a queue program that leads back to qmail-dk anyway.")
  var force = false

  @OptionGroup var edit: EditOptions

  func run() throws {
    do {
      let problems = RulesStore.queueProgramProblems(path, paths: edit.files.rootOptions.paths)
      if !force, let loop = problems.first(where: { $0.kind == .loop }) {
        throw TcpRulesError.refused(
          action: "set DKQUEUE=\(path)", reason: "\(loop) (or pass --force)")
      }
      problems.forEach { DiagnosticPrinter.printWarning($0.description) }
      let lines =
        edit.addresses.isEmpty ? LineSelector.nonRelayingAllowRules : edit.selectedAddresses
      try edit.perform(setting: "DKQUEUE") { try $0.set("DKQUEUE", to: path, on: lines) }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
