import ArgumentParser
import TcpRules

/// `toaster-dk rules set-sign`: set DKSIGN, the key qmail-dk signs outgoing mail with.
struct RulesSetSignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-sign",
    abstract: "Set DKSIGN (the signing key template) on the allow rules of tcp.smtp.",
    discussion: """
      qmail-dk signs a message when RELAYCLIENT is set, and SMTP AUTH can set RELAYCLIENT \
      on any line, so by default DKSIGN goes on every allow rule; --address limits it. The \
      first % in the template becomes the domain of the sender, and the last path \
      component is the selector the DNS record is published under.
      """
  )

  @Argument(help: ArgumentHelp("The key path template.", valueName: "template"))
  var template: String = DKSignTemplate.toasterDefault.text

  @Option(help: "Use this selector (the template's last component) instead.")
  var selector: String?

  @OptionGroup var edit: EditOptions

  func run() throws {
    do {
      var value = try DKSignTemplate(template)
      if let selector { value = try value.replacingSelector(with: selector) }
      let lines = edit.addresses.isEmpty ? LineSelector.allowRules : edit.selectedAddresses
      try edit.perform(setting: "DKSIGN") { try $0.set("DKSIGN", to: value.text, on: lines) }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
