import ArgumentParser
import Health
import MailPath

/// `toaster-dk queue status`: what receives mail at bin/qmail-queue.
struct QueueStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show whether qmail-dk or toaster-dk-queue is in front of the queue.",
    discussion: """
      Also says what the filter does, by the compiled tcp.smtp rules, for a local client \
      (127.0.0.1) and for a client from the world (an address no rule names): sign, \
      verify or pass through.
      """)

  @OptionGroup var files: RulesFileOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let status = QueueStatus.read(paths: files.rootOptions.paths, store: files.store)
    if output.json { return output.printJSON(status.json) }
    status.lines.forEach { print($0) }
  }
}
