import KeyStore
import Rotation
import TcpRules
import ToasterSupport

extension RotateOptions {
  /// Prints what `start` made: notes on stderr, the records (or JSON) on stdout.
  func printStart(_ result: StartResult, format: RecordFormat) throws {
    let state = result.state
    if !output.quiet && !output.json {
      for entry in state.skipped {
        DiagnosticPrinter.printNote("skipped \(entry.name): \(entry.reason)")
      }
      let verb = dryRun ? "would create" : "created"
      let made = dryRun ? state.domains.map(\.name) : result.created
      for domain in made {
        DiagnosticPrinter.printNote(
          "\(verb) \(store.keys.path)/\(domain)/\(state.new) (\(state.key))")
      }
      if !dryRun {
        DiagnosticPrinter.printNote(
          "rotation \(state.old) -> \(state.new): publish the records below, then run "
            + "toaster-dk rotate status")
      }
    }
    if output.json {
      printJSON(
        state,
        [
          ("created", .array(result.created.map { .string($0.text) })),
          ("records", .array(result.records.map(RecordRenderer.json))),
        ])
    } else {
      print(RecordRenderer.render(result.records, as: format), terminator: "")
    }
  }

  /// Prints a tcp.smtp edit and a signer setting change: the diffs under `--dry-run`, notes
  /// otherwise.
  func printChange(_ rules: EditOutcome?, signerDiff: [UInt8]?) throws {
    if dryRun && !output.json {
      try FileDescriptorIO.writeAll(
        1, (rules?.diff.text ?? []) + (signerDiff ?? []), path: "standard output")
      return
    }
    guard !output.quiet, !output.json, let rules else { return }
    let path = store.rules.rulesPath
    if rules.changed {
      let lines = rules.summary.changedLines.map(String.init).joined(separator: ", ")
      DiagnosticPrinter.printNote(
        "updated \(path) (line \(lines))" + (rules.records.map { "; compiled \($0) records" } ?? "")
      )
    } else {
      DiagnosticPrinter.printNote("unchanged: \(path)")
    }
    if let signerDiff, !signerDiff.isEmpty, let setting = store.signerSetting {
      DiagnosticPrinter.printNote("updated \(setting.path)")
    }
  }

  /// Prints key moves into `.removed`.
  func printMoves(_ moves: [(from: String, to: String)]) {
    guard !output.quiet, !output.json else { return }
    for move in moves { DiagnosticPrinter.printNote("moved \(move.from) to \(move.to)") }
  }

  /// Prints revoking records in `format`.
  func printRecords(_ records: [DNSRecord], format: RecordFormat) {
    for record in records {
      switch format {
      case .bind: print(RecordRenderer.bind(record), terminator: "")
      case .tinydns: print(RecordRenderer.tinydns(record), terminator: "")
      case .plain: print(record.value)
      case .json: output.printJSON(RecordRenderer.json(record))
      }
    }
  }

  /// The JSON of a step's result: the state, whether it was a dry run, and more members.
  func printJSON(_ state: RotationState, _ more: [(String, JSONValue)]) {
    output.printJSON(.object([("rotation", state.json), ("dry_run", .bool(dryRun))] + more))
  }

  /// A diff as a JSON string.
  static func diffJSON(_ rules: EditOutcome?, _ signer: [UInt8]?) -> JSONValue {
    .string(String(decoding: (rules?.diff.text ?? []) + (signer ?? []), as: UTF8.self))
  }
}
