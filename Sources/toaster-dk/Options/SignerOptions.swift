import ArgumentParser
import KeyStore

/// `--signer-user`: the users qmail-dk reads keys as, whose access is judged.
struct SignerOptions: ParsableArguments {
  @Option(
    name: .customLong("signer-user"),
    help: ArgumentHelp(
      "The user qmail-dk reads keys as: the user qmail-smtpd runs as (repeatable).",
      discussion: """
        Default vpopmail, as on a QmailToaster. Every directory from the root down to each \
        key, and the key itself, is judged as this user and its groups from the account \
        database.
        """,
      valueName: "user"))
  var names: [String] = []

  /// The signers, checked against the account database, and a warning when the default
  /// does not exist (then nothing is judged).
  ///
  /// - Throws: `KeyStoreError.unknownSigner` for a named user that does not exist.
  func resolve() throws(KeyStoreError) -> ([SignerAccount], problem: String?) {
    try SignerAccount.resolve(names)
  }
}
