import ArgumentParser
import KeyStore

/// `--owner`, `--group`: who owns the key tree (default root:vchkpw; keys are always 0440,
/// so qmail-dk, running with the group, can read them).
struct KeyOwnershipOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Owner of keys and domain directories.", valueName: "user"))
  var owner: String?

  @Option(
    help: ArgumentHelp(
      "Group of keys and domain directories (the group qmail-smtpd runs as).",
      discussion: "Default vchkpw, as on a QmailToaster.", valueName: "group"))
  var group: String?

  /// The ownership these options name, checked against the system's users and groups.
  func resolve() throws(KeyStoreError) -> KeyOwnership {
    try KeyOwnership.resolve(owner: owner, group: group)
  }
}
