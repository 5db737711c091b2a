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

      EXIT STATUS: 0 success (rules check: whatever the answer); 1 negative answer (a \
      signature did not verify, a message would be rejected); 64 usage error; 65 bad input \
      data (tcp.smtp syntax, a malformed key or record, lint findings); 66 missing input; \
      70 internal error; 73 cannot create output (permissions, read-only or full disk); \
      74 other I/O error. See toaster-dk(5) for the file formats.
      """,
    version: "0.1.0",
    subcommands: [
      RulesCommand.self, DomainCommand.self, TestSignCommand.self, TestVerifyCommand.self,
      SnapshotCommand.self,
    ]
  )
}
