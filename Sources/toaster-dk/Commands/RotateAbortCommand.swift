import ArgumentParser
import KeyStore
import Rotation

/// `toaster-dk rotate abort`: go back to the old selector.
struct RotateAbortCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "abort",
    abstract: "Go back to the old selector and move the new keys into .removed.",
    discussion: """
      Works at any step before finish. After a switch, tcp.smtp and its cdb name the old \
      selector again (one locked edit); keep the new records published for \
      control/queuelifetime plus their TTL, for the mail already signed with them.
      """)

  @OptionGroup var options: RotateOptions

  func run() throws {
    do {
      let result = try options.store.abort(EndRequest(dryRun: options.dryRun, now: options.now))
      if options.output.json {
        options.printJSON(
          result.state,
          [
            ("diff", RotateOptions.diffJSON(result.rules, result.signerDiff)),
            ("removed", .array(result.removed.map { .string($0.from) })),
          ])
        return
      }
      try options.printChange(result.rules, signerDiff: result.signerDiff)
      options.printMoves(result.removed)
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
