/// A sandbox set up for test-sign and test-verify: rules that sign for 127. and verify for
/// the world, compiled, and `TestKeys.rsa1024` as example.com's key `private`.
extension Sandbox {
  /// A rule that signs for localhost with the stock `%/private` template; the world verifies.
  public static let signingRules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="BDEGIJKfh"

    """

  /// A short message from example.com.
  public static let message =
    "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hi\n\nHello\n"

  /// Why a sandbox could not be set up.
  public struct SetUpFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
  }

  /// A sandbox with `rules` compiled, `TestKeys.rsa1024` as
  /// `domainkeys/example.com/private`, and `message` written to each of `messages`.
  ///
  /// - Throws: when the tree cannot be written or `rules compile` fails.
  public static func signing(rules: String = signingRules, messages: [String]) throws -> Sandbox {
    let sandbox = try Sandbox(rules: rules)
    let compile = try sandbox.run(["rules", "compile", "-q"])
    guard compile.status == 0 else {
      sandbox.remove()
      throw SetUpFailure(description: "rules compile failed: \(compile)")
    }
    try sandbox.directory.write(
      TestKeys.rsa1024, to: "var/qmail/control/domainkeys/example.com/private")
    for name in messages { try sandbox.directory.write(message, to: name) }
    return sandbox
  }
}
