import ArgumentParser
import QmailControl
import Snapshot

/// `toaster-dk snapshot`: a faithful, harmless copy of the live tree, for `--root`.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Copy the files toaster-dk reads and writes into DIR, for --root DIR.",
    discussion: """
      Copies tcp.smtp (with its cdb and backup), the key tree with .removed, \
      control/rcpthosts, morercpthosts, morercpthosts.cdb, virtualdomains, vpopmail's \
      users/assign and /var/qmail/bin's qmail-queue, qmail-queue.orig and qmail-dk into \
      DIR, keeping owners and modes (run as root to keep other users' ownership). Keys are \
      never readable wider than in the live tree, not even for a moment; set-id bits of \
      the copied programs are cleared. Symbolic links are copied as links, their targets \
      rewritten relative to the link so they point into DIR; a link that would pull in \
      anything from outside is not copied, with a warning. DIR must not exist, or be \
      empty; it appears complete or not at all. Then try commands with --root DIR.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Argument(help: ArgumentHelp("The new snapshot directory.", valueName: "dir"))
  var directory: String
  @OptionGroup var served: ServedDomainOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let plan = SnapshotPlan(
        served: ServedDomainPaths(paths: rootOptions.paths, vpopmailHome: served.vpopmailHome))
      let result = try SnapshotWriter(plan: plan).write(to: directory)
      if output.json { return output.printJSON(result.json) }
      for (path, resolved) in result.refused {
        DiagnosticPrinter.printWarning(
          "not copied: \(rootOptions.paths.resolve(path)) is a link to \(resolved), outside what the snapshot holds"
        )
      }
      for path in result.setIDCleared {
        DiagnosticPrinter.printNote(
          "copied \(rootOptions.paths.resolve(path)) without its set-id bit")
      }
      guard !output.quiet else { return }
      let files = Self.count(result.files.count, "file", "files")
      let directories = Self.count(result.directories.count, "directory", "directories")
      let links = Self.count(result.links.count, "link", "links")
      DiagnosticPrinter.printNote(
        "copied \(files), \(directories) and \(links) into \(result.destination);"
          + " use --root \(result.destination)")
    } catch {
      throw ExitStatus.report(error)
    }
  }

  private static func count(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
  }
}
