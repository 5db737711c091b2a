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

  /// Reads the served domains under `root` and prints every problem found in the files.
  func read(_ root: RootOptions, quiet: Bool) throws -> ServedDomains {
    let served = try ServedDomainFiles(
      paths: ServedDomainPaths(paths: root.paths, vpopmailHome: vpopmailHome)
    ).read()
    for diagnostic in served.diagnostics where !quiet || diagnostic.severity == .error {
      DiagnosticPrinter.print(diagnostic)
    }
    return served
  }
}
