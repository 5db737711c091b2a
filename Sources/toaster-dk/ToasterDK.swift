import ArgumentParser

/// The toaster-dk command: DomainKeys/DKIM keys and tcp.smtp rules for qmail toasters.
@main
struct ToasterDK: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "toaster-dk",
    abstract: "Set up and test DomainKeys/DKIM on a qmail toaster.",
    discussion: """
      Manages the per-domain signing keys under /var/qmail/control/domainkeys, the DKSIGN, \
      DKVERIFY and DKQUEUE settings in /etc/tcprules.d/tcp.smtp, and compiles tcp.smtp.cdb \
      exactly as tcprules does. Every command takes --root DIR to work on a sandbox copy of \
      the whole tree.
      """,
    version: "0.1.0",
    subcommands: [RulesCommand.self, DomainCommand.self]
  )
}
