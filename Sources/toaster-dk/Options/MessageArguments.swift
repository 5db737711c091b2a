import ArgumentParser
import ToasterSupport

/// The message files a dry run reads: files, directories (a Maildir) or `-`.
struct MessageArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Message files or directories (a Maildir's cur/ and new/); '-' for standard input.",
      valueName: "message"))
  var messages: [String]

  /// Every message file named, directories expanded in sorted order.
  ///
  /// - Throws: `SystemError` when a directory cannot be read.
  func paths() throws -> [String] { try MessagePaths.expand(messages) }
}
