import ArgumentParser

/// `toaster-dk rules`: read, edit and compile /etc/tcprules.d/tcp.smtp.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Edit and compile tcp.smtp (the qmailctl cdb step, done safely).",
    discussion: """
      Every edit keeps the rest of tcp.smtp byte for byte (comments, blank lines, quote \
      characters), takes a lock so two runs never lose each other's changes, keeps the \
      previous version as tcp.smtp.bak, and recompiles tcp.smtp.cdb.
      """,
    subcommands: [
      RulesShowCommand.self, RulesCheckCommand.self, RulesLintCommand.self,
      RulesCompileCommand.self,
      RulesSetSignCommand.self, RulesSetQueueCommand.self,
      RulesSetVerifyCommand.self, RulesUnsetCommand.self,
    ]
  )
}
