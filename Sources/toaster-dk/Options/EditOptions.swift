import ArgumentParser
import FoundationEssentials
import TcpRules
import ToasterSupport

/// `--dry-run` and `--no-compile`, and how an edit of tcp.smtp is carried out and reported.
struct EditOptions: ParsableArguments {
  @OptionGroup var files: RulesFileOptions
  @OptionGroup var output: OutputOptions

  @Flag(help: "Print the change as a unified diff and write nothing.")
  var dryRun = false

  @Flag(
    name: .customLong("no-compile"),
    help: "Do not recompile tcp.smtp.cdb after changing tcp.smtp (run 'rules compile' later).")
  var noCompile = false

  @Option(
    name: .customLong("address"),
    help: ArgumentHelp(
      "Change only the rule for this address, as written in tcp.smtp (repeatable).",
      valueName: "address"))
  var addresses: [String] = []

  /// The `--address` values as a selector.
  var selectedAddresses: LineSelector { .addresses(addresses.map { Address($0) }) }

  /// Runs `change` on tcp.smtp through the store and prints what happened.
  ///
  /// stdout gets the diff (under `--dry-run`) or the JSON result; stderr gets the notes.
  func perform(_ change: (inout RulesFile) throws -> EditSummary) throws {
    let outcome = try files.store.edit(dryRun: dryRun, recompile: !noCompile, change)
    if output.json {
      output.printJSON(EditReport(outcome, dryRun: dryRun))
      return
    }
    if dryRun {
      try FileDescriptorIO.writeAll(1, outcome.diff.text, path: "standard output")
      return
    }
    guard !output.quiet else { return }
    if let state = outcome.cdbWas, outcome.records == nil {
      DiagnosticPrinter.printWarning(
        "\(files.store.cdbPath) is \(state.rawValue): tcpserver is not using tcp.smtp; "
          + "run 'toaster-dk rules compile'")
    }
    if !outcome.changed {
      var note = "unchanged: \(files.store.rulesPath)"
      if let state = outcome.cdbWas, let records = outcome.records {
        note += "; \(files.store.cdbPath) was \(state.rawValue), compiled \(records) records"
      }
      DiagnosticPrinter.printNote(note)
    } else {
      let lines = outcome.summary.changedLines.map(String.init).joined(separator: ", ")
      var note = "updated \(files.store.rulesPath) (line \(lines))"
      if let records = outcome.records { note += "; compiled \(records) records" }
      DiagnosticPrinter.printNote(note)
    }
  }
}

/// The JSON shape of an edit's result, stable for automation (Ansible's `changed`).
private struct EditReport: Encodable {
  let changed: Bool
  let written: Bool
  let dryRun: Bool
  let changedLines: [Int]
  let records: Int?
  let cdbWas: String?
  let diff: String

  init(_ outcome: EditOutcome, dryRun: Bool) {
    changed = outcome.changed
    written = outcome.written
    self.dryRun = dryRun
    changedLines = outcome.summary.changedLines
    records = outcome.records
    cdbWas = outcome.cdbWas?.rawValue
    diff = String(decoding: outcome.diff.text, as: UTF8.self)
  }
}
