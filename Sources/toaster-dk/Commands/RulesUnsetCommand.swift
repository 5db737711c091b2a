import ArgumentParser
import TcpRules

/// `toaster-dk rules unset`: remove an environment setting from tcp.smtp rules.
struct RulesUnsetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unset",
    abstract: "Remove a setting (such as DKSIGN) from every rule, or from the given addresses.",
    discussion: """
      A name that no selected rule sets changes nothing and gets a warning. Removing \
      RELAYCLIENT stops those clients relaying (and qmail-dk signs only relayed mail), so \
      it needs --force.
      """
  )

  @Argument(help: ArgumentHelp("The variable to remove.", valueName: "name"))
  var name: String

  @Flag(help: "Allow removing RELAYCLIENT.")
  var force = false

  @OptionGroup var edit: EditOptions

  func run() throws {
    do {
      let lines = edit.addresses.isEmpty ? LineSelector.allowRules : edit.selectedAddresses
      let outcome = try edit.perform(setting: name) {
        try $0.unset(name, on: lines, force: force)
      }
      if !outcome.changed && !edit.output.quiet {
        DiagnosticPrinter.printWarning("none of the \(lines) sets \(name): nothing to remove")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
