import ArgumentParser

/// `toaster-dk queue`: put toaster-dk-queue in qmail-dk's place, or take it out.
struct QueueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "queue",
    abstract: "Switch /var/qmail/bin/qmail-queue between qmail-dk and toaster-dk-queue.",
    discussion: """
      On a QmailToaster bin/qmail-queue is a link to qmail-dk, which hands mail to \
      qmail-queue.orig. install points the link at toaster-dk-queue (see \
      toaster-dk-queue(8)) in one rename and keeps the old link as \
      qmail-queue.before-toaster-dk; uninstall renames that back. Any other layout is \
      refused, unchanged.
      """,
    subcommands: [QueueStatusCommand.self, QueueInstallCommand.self, QueueUninstallCommand.self]
  )
}
