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
        output.printJSON(RulesShowJSON(report))
      } else {
        print(report.table, terminator: "")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}

/// The JSON `rules show --json` prints.
private struct RulesShowJSON: Encodable {
  struct Setting: Encodable {
    let name: String
    let value: String
  }

  struct Rule: Encodable {
    let line: Int
    let address: String
    let keys: Int
    let instruction: String
    let relays: Bool
    let signs: Bool
    let verifies: Bool
    let environment: [Setting]
  }

  let rules: [Rule]
  let cdb: String

  init(_ report: RulesReport) {
    rules = report.rows.map { row in
      Rule(
        line: row.line, address: row.address, keys: row.keyCount,
        instruction: row.instruction.rawValue, relays: row.relays, signs: row.signing != nil,
        verifies: row.verifying != nil,
        environment: row.environment.map { Setting(name: $0.name, value: $0.value) })
    }
    cdb = report.cdbState.rawValue
  }
}
