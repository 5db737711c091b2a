import ArgumentParser

/// `toaster-dk rotate`: replace every domain's signing key without breaking mail.
struct RotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rotate",
    abstract: "Rotate every domain's signing key in stages: start, switch, finish.",
    discussion: """
      start makes a new key at a new selector for every domain that signs today and prints \
      the records to publish; status says whether DNS serves them and when the switch is \
      safe; switch makes tcp.smtp's DKSIGN templates name the new selector, once DNS serves \
      every new record; finish retires the old selector once no queued message can carry \
      it, printing the records that revoke it and moving the old keys into .removed; abort \
      goes back at any step before finish.

      The rotation's state is kept in /var/qmail/control/domainkeys/.rotation. Every step \
      can be run again: after an interruption (even SIGKILL) it completes what it began.
      """,
    subcommands: [
      RotateStartCommand.self, RotateStatusCommand.self, RotateSwitchCommand.self,
      RotateFinishCommand.self, RotateAbortCommand.self,
    ]
  )
}
