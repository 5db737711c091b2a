import ArgumentParser
import ToasterSupport

/// `--root`: where the /etc and /var/qmail trees live; shared by every command.
struct RootOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.",
      discussion: "Use a sandbox copy of the tree to try commands without touching the server.",
      valueName: "dir"))
  var root: String = "/"

  /// The default paths resolved under `--root`.
  var paths: ToasterPaths { ToasterPaths(root: root) }
}
