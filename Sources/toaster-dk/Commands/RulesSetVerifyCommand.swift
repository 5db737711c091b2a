import ArgumentParser
import DKEngine
import TcpRules

/// `toaster-dk rules set-verify`: set DKVERIFY, which DomainKeys results reject mail.
struct RulesSetVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-verify",
    abstract: "Set DKVERIFY (which verification results reject mail) on non-relay rules.",
    discussion: """
      Each letter is a DomainKeys status: A good, B bad signature, C no signature, D no key, \
      E bad key, F key not fetched, G bad format, H no resources, I bad arguments, \
      J revoked key, K internal error, L granularity. Upper case rejects permanently \
      (5.3.0), lower case temporarily (4.3.0). The toaster's conservative choice is \
      DEGIJKfh; add B to reject bad signatures. By default the setting goes on every allow \
      rule that does not set RELAYCLIENT: the rules that take mail from the world.
      """
  )

  @Argument(help: ArgumentHelp("The status letters, such as BDEGIJKfh.", valueName: "letters"))
  var letters: String

  @Flag(help: "Allow A or a, which rejects mail whose signature is good.")
  var force = false

  @OptionGroup var edit: EditOptions

  func validate() throws {
    let policy: DKVerifyPolicy
    do { policy = try DKVerifyPolicy(letters: letters) } catch {
      throw ValidationError(error.description)
    }
    if policy.decision(for: .ok) != .accept && !force {
      throw ValidationError(
        "'\(letters)' contains A or a, which rejects every correctly signed message; "
          + "use --force if you really mean it")
    }
  }

  func run() throws {
    do {
      let policy = try DKVerifyPolicy(letters: letters)
      if !edit.output.quiet && !edit.output.json {
        policy.explanation().forEach(DiagnosticPrinter.printNote)
      }
      policy.warnings.forEach(DiagnosticPrinter.printWarning)
      let lines =
        edit.addresses.isEmpty ? LineSelector.nonRelayingAllowRules : edit.selectedAddresses
      try edit.perform(setting: "DKVERIFY") {
        try $0.set("DKVERIFY", to: policy.letters, on: lines)
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
