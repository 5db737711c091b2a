import ArgumentParser
import TcpRules

/// `toaster-dk rules unset`: remove an environment setting from tcp.smtp rules.
struct RulesUnsetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unset",
    abstract: "Remove a setting (such as DKSIGN) from every rule, or from the given addresses."
  )

  @Argument(help: ArgumentHelp("The variable to remove.", valueName: "name"))
  var name: String

  @OptionGroup var edit: EditOptions

  func run() throws {
    do {
      let lines = edit.addresses.isEmpty ? LineSelector.allowRules : edit.selectedAddresses
      try edit.perform { try $0.unset(name, on: lines) }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
