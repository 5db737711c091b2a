import ArgumentParser
import QmailControl

/// `--vpopmail-home`: where vpopmail's users/assign is, for the served-domain commands.
struct ServedDomainOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "vpopmail's home directory, resolved under --root (default /home/vpopmail).",
      discussion: "Its users/assign lists the vpopmail domains and their aliases.",
      valueName: "dir"))
  var vpopmailHome = ServedDomainPaths.defaultVpopmailHome

  /// Reads the served domains under `root` and prints the problems found in the files:
  /// errors always, warnings unless `quiet`, notes (such as `localhost`) only with `notes`.
  func read(_ root: RootOptions, quiet: Bool, notes: Bool = false) throws -> ServedDomains {
    let served = try ServedDomainFiles(
      paths: ServedDomainPaths(paths: root.paths, vpopmailHome: vpopmailHome)
    ).read()
    for diagnostic in served.diagnostics {
      switch diagnostic.severity {
      case .error: DiagnosticPrinter.print(diagnostic)
      case .warning where !quiet: DiagnosticPrinter.print(diagnostic)
      case .note where !quiet && notes: DiagnosticPrinter.print(diagnostic)
      default: continue
      }
    }
    return served
  }
}
