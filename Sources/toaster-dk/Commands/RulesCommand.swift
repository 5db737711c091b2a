import ArgumentParser

/// `toaster-dk rules`: read, edit and compile /etc/tcprules.d/tcp.smtp.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Edit and compile tcp.smtp (the qmailctl cdb step, done safely).",
    discussion: """
      Every edit keeps the rest of tcp.smtp byte for byte (comments, blank lines, quote \
      characters), takes a lock so two runs never lose each other's changes, keeps the \
      previous version as tcp.smtp.bak, and recompiles tcp.smtp.cdb. An edit is all or \
      nothing: if the cdb cannot be replaced, tcp.smtp is put back. An edit that changes \
      nothing still recompiles a missing or stale cdb. A setting that does nothing where it \
      is written (DKVERIFY on a rule that relays, DKSIGN without % or not absolute) gets \
      the warning 'rules lint' would give. No write goes through a symbolic link.
      """,
    subcommands: [
      RulesShowCommand.self, RulesCheckCommand.self, RulesLintCommand.self,
      RulesCompileCommand.self,
      RulesSetSignCommand.self, RulesSetQueueCommand.self,
      RulesSetVerifyCommand.self, RulesUnsetCommand.self,
    ]
  )
}
