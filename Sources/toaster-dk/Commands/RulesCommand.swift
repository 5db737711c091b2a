import ArgumentParser

/// `toaster-dk rules`: read, edit and compile /etc/tcprules.d/tcp.smtp.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Edit and compile tcp.smtp (the qmailctl cdb step, done safely).",
    subcommands: []
  )
}
