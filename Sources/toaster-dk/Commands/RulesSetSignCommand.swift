import ArgumentParser
import QmailDKConfig
import TcpRules

/// `toaster-dk rules set-sign`: set DKSIGN, the key qmail-dk signs outgoing mail with, and
/// toaster-dk-queue's signing settings.
struct RulesSetSignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-sign",
    abstract: "Set DKSIGN (the signing key template) on the allow rules of tcp.smtp.",
    discussion: """
      qmail-dk signs a message when RELAYCLIENT is set, and SMTP AUTH can set RELAYCLIENT \
      on any line, so by default DKSIGN goes on every allow rule; --address limits it. The \
      first % in the template becomes the domain of the sender, and the last path \
      component is the selector the DNS record is published under. --ed25519-selector, \
      --key-failure and --dkim set toaster-dk-queue's DKSIGN_ED25519, DKKEYFAIL and \
      DKIMSIGN on the same rules (see toaster-dk(5)).
      """
  )

  @Argument(help: ArgumentHelp("The key path template.", valueName: "template"))
  var template: String = DKSignTemplate.toasterDefault.text

  @Option(help: "Use this selector (the template's last component) instead.")
  var selector: String?

  @Option(
    help: ArgumentHelp(
      "Also sign DKIM with the domain's Ed25519 key of this selector (DKSIGN_ED25519).",
      valueName: "selector"))
  var ed25519Selector: String?

  @Option(
    help: ArgumentHelp(
      "An unreadable key defers (451) or bounces (554) the message (DKKEYFAIL).",
      valueName: "defer|bounce"))
  var keyFailure: QmailDKRules.KeyFailure?

  @Flag(
    inversion: .prefixedNo,
    help: "Whether toaster-dk-queue adds DKIM signatures (DKIMSIGN=1, or 0: DomainKeys only).")
  var dkim: Bool?

  @OptionGroup var edit: EditOptions

  func validate() throws {
    let signing = selector ?? QmailDKRules.selector(ofTemplate: template)
    if let ed25519Selector, ed25519Selector == signing {
      // One DNS name cannot hold both records: DomainKeys would read the Ed25519 one.
      throw ValidationError("--ed25519-selector must differ from DKSIGN's selector \(signing)")
    }
  }

  func run() throws {
    do {
      var value = try DKSignTemplate(template)
      if let selector { value = try value.replacingSelector(with: selector) }
      var settings = [(QmailDKRules.dkSign, value.text)]
      if let ed25519Selector {
        let ed25519 = try value.replacingSelector(with: ed25519Selector)
        settings.append((QmailDKRules.dkSignEd25519, ed25519.text))
      }
      if let keyFailure { settings.append((QmailDKRules.dkKeyFail, keyFailure.rawValue)) }
      if let dkim { settings.append((QmailDKRules.dkimSign, dkim ? "1" : "0")) }
      let lines = edit.addresses.isEmpty ? LineSelector.allowRules : edit.selectedAddresses
      try edit.perform(setting: QmailDKRules.dkSign) { file in
        try file.set(settings, on: lines)
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}

extension QmailDKRules.KeyFailure: ExpressibleByArgument {}
