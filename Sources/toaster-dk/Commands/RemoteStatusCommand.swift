import ArgumentParser
import MailPath

/// `toaster-dk remote status`: what qmail-rspawn runs as qmail-remote.
struct RemoteStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show what bin/qmail-remote is, and the problems of QMT's Perl wrapper.")

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let chain = RemoteChainDirectory(paths: rootOptions.paths).read()
    if output.json { return output.printJSON(chain.json) }
    chain.lines.forEach { print($0) }
  }
}
