import ArgumentParser

/// `toaster-dk domain`: the per-domain signing keys under /var/qmail/control/domainkeys.
struct DomainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "domain",
    abstract: "Create, list, publish and remove the DomainKeys/DKIM keys of each domain.",
    discussion: """
      Keys live in /var/qmail/control/domainkeys/DOMAIN/SELECTOR (selector 'private', as \
      qmail-dk's DKSIGN=/var/qmail/control/domainkeys/%/private expects), mode 0440 \
      root:vchkpw, with the TXT record to publish in SELECTOR.txt. The hand-made \
      QmailToaster layout (private + public.txt) is recognised as is. See toaster-dk(5).
      """,
    subcommands: [
      DomainAddCommand.self, DomainListCommand.self, DomainShowCommand.self,
      DomainDNSCommand.self, DomainCheckCommand.self, DomainRemoveCommand.self,
      DomainRestoreCommand.self,
      DomainFixPermsCommand.self,
    ]
  )
}
