import ArgumentParser
import TcpRules
import ToasterSupport

/// `--rules` and `--cdb`: which tcp.smtp and which compiled cdb a rules command works on.
struct RulesFileOptions: ParsableArguments {
  @OptionGroup var rootOptions: RootOptions

  @Option(
    name: .customLong("rules"),
    help: ArgumentHelp(
      "The rules file (default: /etc/tcprules.d/tcp.smtp under --root).", valueName: "file"))
  var rulesPath: String?

  @Option(
    name: .customLong("cdb"),
    help: ArgumentHelp(
      "The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).",
      valueName: "file"))
  var cdbPath: String?

  /// The store for the chosen files.
  var store: RulesStore {
    let paths = rootOptions.paths
    return RulesStore(
      rulesPath: rulesPath ?? paths.rulesFile, cdbPath: cdbPath ?? paths.rulesCDB,
      root: paths.root)
  }
}
