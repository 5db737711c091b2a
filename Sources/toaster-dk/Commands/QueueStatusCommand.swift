import ArgumentParser
import MailPath

/// `toaster-dk queue status`: what receives mail at bin/qmail-queue.
struct QueueStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show whether qmail-dk or toaster-dk-queue is in front of the queue.")

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let chain = QueueChainDirectory(paths: rootOptions.paths).read()
    if output.json { return output.printJSON(chain.json) }
    chain.lines.forEach { print($0) }
  }
}
