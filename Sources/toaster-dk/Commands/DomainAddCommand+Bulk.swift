import ArgumentParser
import KeyStore
import QmailControl

#if canImport(Glibc)
  import Glibc
#endif

extension DomainAddCommand {
  /// `--all` / `--missing`: a key for every served domain lacking one, one line per domain.
  func addServed(spec: KeySpec) throws {
    let quiet = output.quiet || output.json
    let served = try bulk.served.read(rootOptions, quiet: quiet)
    if served.hasErrors {
      DiagnosticPrinter.printError(
        Message("fix or comment out the lines above first; nothing was changed"))
      throw ExitStatus.dataError.exitCode
    }
    let request = BulkAddRequest(
      domains: served.realDomains,
      aliases: served.domains.compactMap { entry in entry.aliasOf.map { (entry.domain, $0) } },
      selector: selector, spec: spec, ownership: try ownership.resolve(),
      recordOptions: try records.options(), includeExisting: bulk.all, dryRun: bulk.dryRun,
      timestamp: time(nil))
    let result = try KeyStore(paths: rootOptions.paths).addMissing(request) { entry in
      report(entry, spec: spec, quiet: quiet)
    }
    if output.json {
      output.printJSON(result.json(dryRun: bulk.dryRun))
    } else if !bulk.dryRun {
      print(RecordRenderer.render(result.recordSets, as: records.format), terminator: "")
    }
    guard let first = result.failures.first, case .failed(let error) = first.outcome else { return }
    let names = result.failures.map(\.domain.text).joined(separator: ", ")
    DiagnosticPrinter.printError(
      Message("\(result.failures.count) of \(result.entries.count) domains failed: \(names)"))
    throw ExitStatus(for: error).exitCode
  }

  private func report(_ entry: BulkAddResult.Entry, spec: KeySpec, quiet: Bool) {
    let domain = entry.domain
    switch entry.outcome {
    case .failed(let error): DiagnosticPrinter.printError(Message("\(domain): \(error)"))
    case _ where quiet: return
    case .created(let result): DiagnosticPrinter.printNote("created \(result.keyPath) (\(spec))")
    case .existing(let keyPath, _): DiagnosticPrinter.printNote("unchanged \(keyPath)")
    case .wouldCreate(let keyPath):
      DiagnosticPrinter.printNote("would create \(keyPath) (\(spec))")
    case .alias(let real):
      DiagnosticPrinter.printNote(
        "\(domain): alias of \(real), no key of its own; to sign its mail with \(real)'s key,"
          + " link domainkeys/\(domain) to \(real)")
    }
  }
}

/// A message printed as an error, for failures that are not one library error.
private struct Message: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
