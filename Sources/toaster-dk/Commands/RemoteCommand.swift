import ArgumentParser

/// `toaster-dk remote`: put toaster-dk-remote in front of qmail-remote, or take it out.
struct RemoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remote",
    abstract: "Sign what leaves the queue: switch bin/qmail-remote to toaster-dk-remote.",
    discussion: """
      qmail-rspawn runs bin/qmail-remote for every remote delivery, bounces and locally \
      injected mail included. install makes the signing user (qmailr) a key reader, gives \
      every key its ACL entry, keeps the old program as qmail-remote.before-toaster-dk (and \
      the stock one as qmail-remote.orig) and points qmail-remote at toaster-dk-remote in one \
      rename; uninstall renames the kept program back. See toaster-dk-remote(8).
      """,
    subcommands: [
      RemoteStatusCommand.self, RemoteInstallCommand.self, RemoteUninstallCommand.self,
    ]
  )
}
