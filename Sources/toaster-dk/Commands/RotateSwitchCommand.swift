import ArgumentParser
import KeyStore
import Rotation

/// `toaster-dk rotate switch`: make tcp.smtp's DKSIGN templates name the new selector.
struct RotateSwitchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "switch",
    abstract: "Sign with the new selector once DNS serves every new record.",
    discussion: """
      Refused (nothing changed, exit 1; 75 when only a temporary DNS failure stands in the \
      way) until every new record is served and matches its key, and until the record \
      TTL plus the negative-cache time have passed since each was first seen, so no \
      resolver still holds an answer from before it existed. Then every DKSIGN template \
      naming the old selector is changed in one locked, all-or-nothing edit of tcp.smtp and \
      tcp.smtp.cdb, as rules set-sign makes it.

      The queue-exit signer moves in the same step: when toaster-dk-remote is installed or \
      control/toaster-dk/remote-selectors exists, the default (*) and each switched \
      domain's line name the new selector where they named the old one, and a held domain \
      gets a line of its own keeping the old one. That file is read first, so one that does \
      not parse refuses the switch before anything changes; a switch killed between the two \
      files is completed by the next run. abort puts both back.

      What qmail-dk can and cannot do: it takes the selector from the template's last \
      component, before the % is replaced, and a tcp.smtp rule is chosen by the client's \
      address, not by the sender's domain. So every domain signed through one rule signs \
      with one selector, and qmail-dk cannot sign one domain with the old selector and \
      another with the new. What it can do per domain is not sign: with a % template, a \
      domain without a key file at the template's path is queued unsigned.

      --only DOMAIN uses that. The named domains switch; the new key of every other domain \
      is held back (renamed to .SELECTOR.held in its directory), so qmail-dk queues its \
      mail unsigned instead of signing it with a selector DNS does not serve, while a \
      signer that chooses selectors per domain (the queue-exit signer) keeps signing it \
      with the old key. Its old key stays in place. Run switch again once its record is \
      published: the held key is put back and the domain signs with the new selector. \
      finish waits until no domain is held.
      """)

  @OptionGroup var options: RotateOptions
  @OptionGroup var dns: RotateDNSOptions
  @Option(
    help: ArgumentHelp(
      "Switch only this domain (repeatable); hold the others back.", valueName: "domain"),
    transform: { try DomainName($0) })
  var only: [DomainName] = []
  @Flag(help: "Switch without checking DNS or waiting (mail may fail verification).")
  var force = false

  func run() throws {
    do {
      let request = SwitchRequest(
        only: only, force: force, dryRun: options.dryRun, negativeTTL: dns.negativeTTL,
        now: options.now)
      let result = try options.store.switchSelector(request, checker: dns.checker)
      let state = result.state
      if options.output.json {
        options.printJSON(
          state,
          [
            ("changed", .bool(result.rules.changed)),
            ("diff", RotateOptions.diffJSON(result.rules, result.signerDiff)),
          ])
      }
      try options.printChange(result.rules, signerDiff: result.signerDiff)
      guard !options.output.quiet, !options.output.json, !options.dryRun else { return }
      for domain in state.domains(in: .held) {
        DiagnosticPrinter.printNote(
          "\(domain.name): new key held back; qmail-dk queues its mail unsigned until "
            + "rotate switch runs again after its record is published")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
