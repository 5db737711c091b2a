import ArgumentParser
import TcpRules

/// `toaster-dk rules show`: tcp.smtp as a table, and whether the cdb is current.
struct RulesShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the rules of tcp.smtp, what each one does, and whether the cdb is stale.",
    discussion: """
      FLAGS: R sets RELAYCLIENT (mail is relayed, and signed by qmail-dk when DKSIGN is \
      set), S sets DKSIGN, V sets DKVERIFY, Q sets DKQUEUE. KEYS is the number of cdb \
      records the address makes (a range makes one per address; 0 means the range is empty \
      and the line does nothing).
      """
  )

  @OptionGroup var files: RulesFileOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let report = try files.store.report()
      if output.json {
        output.printJSON(report.json)
      } else {
        print(report.table, terminator: "")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
