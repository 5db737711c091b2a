import ArgumentParser
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `--root`: where the /etc and /var/qmail trees live; shared by every command.
struct RootOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.",
      discussion: "Use a sandbox copy of the tree to try commands without touching the server.",
      valueName: "dir"))
  var root: String = "/"

  // A mistyped --root is a usage error, not a missing key directory or tcp.smtp inside it.
  func validate() throws {
    var info = stat()
    guard stat(root, &info) == 0 else {
      throw ValidationError("--root \(root): no such directory")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw ValidationError("--root \(root): not a directory")
    }
  }

  /// The default paths resolved under `--root`.
  var paths: ToasterPaths { ToasterPaths(root: root) }
}
