import ArgumentParser
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

  /// Runs `change` on tcp.smtp through the store and prints what happened, including what
  /// lint says about variable `name` on the selected rules.
  ///
  /// stdout gets the diff (under `--dry-run`) or the JSON result; stderr gets the notes.
  /// - Returns: the outcome, for a command that says more.
  @discardableResult
  func perform(setting name: String, _ change: (inout RulesFile) throws -> EditSummary) throws
    -> EditOutcome
  {
    let outcome = try files.store.edit(
      dryRun: dryRun, recompile: !noCompile, checking: name, change)
    if !output.quiet {
      outcome.diagnostics.filter { $0.severity != .note }.forEach(DiagnosticPrinter.print)
    }
    if output.json {
      output.printJSON(outcome.json(dryRun: dryRun))
    } else if dryRun {
      try FileDescriptorIO.writeAll(1, outcome.diff.text, path: "standard output")
    } else {
      printNotes(outcome)
    }
    return outcome
  }

  private func printNotes(_ outcome: EditOutcome) {
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
