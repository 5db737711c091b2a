import ArgumentParser
import KeyStore

/// `--owner`, `--group`, `--mode`: who owns the key tree (default root:vchkpw, keys 0440).
struct KeyOwnershipOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Owner of keys and domain directories.", valueName: "user"))
  var owner: String?

  @Option(
    help: ArgumentHelp(
      "Group of keys and domain directories (the group qmail-smtpd runs as).",
      discussion: "Default vchkpw, as on a QmailToaster.", valueName: "group"))
  var group: String?

  @Option(
    help: ArgumentHelp("Mode of private key files: 0440 (default) or 0400.", valueName: "octal"),
    transform: { text in
      guard let mode = UInt32(text, radix: 8) else {
        throw ValidationError("invalid mode \(text): write it in octal, e.g. 0440")
      }
      return mode
    })
  var mode: UInt32?

  /// The ownership these options name, checked against the system's users and groups.
  func resolve() throws(KeyStoreError) -> KeyOwnership {
    try KeyOwnership.resolve(owner: owner, group: group, keyMode: mode)
  }
}
