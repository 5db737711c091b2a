import ArgumentParser
import KeyStore
import Rotation

/// `toaster-dk rotate finish`: retire the old selector.
struct RotateFinishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "finish",
    abstract: "Retire the old selector: print its revoking records, move its keys aside.",
    discussion: """
      A message signed with the old selector at queue entry may be retried for \
      control/queuelifetime (qmail's default: 604800 seconds), and receivers may hold the \
      old record for its TTL, so finish is refused (exit 75, saying until when) before the \
      switch plus queuelifetime plus TTL, unless --force. It then prints the records that \
      revoke the old selector (v=DKIM1; p=, which verifiers report as a revoked key) to \
      publish in place of the old ones, and moves the old keys into .removed.
      """)

  @OptionGroup var options: RotateOptions
  @Flag(help: "Retire the old selector now, even if queued mail may still carry it.")
  var force = false
  @OptionGroup var records: RecordOutputOptions

  func run() throws {
    do {
      let result = try options.store.finish(
        EndRequest(force: force, dryRun: options.dryRun, now: options.now))
      if options.output.json {
        options.printJSON(
          result.state,
          [
            ("revoking_records", .array(result.revokingRecords.map(RecordRenderer.json))),
            ("removed", .array(result.removed.map { .string($0.from) })),
          ])
        return
      }
      options.printMoves(result.removed)
      options.printRecords(result.revokingRecords, format: records.format)
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
