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
        try output.printJSON(RulesShowJSON(report))
      } else {
        print(RulesShowTable(report).text, terminator: "")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}

/// The text table `rules show` prints.
private struct RulesShowTable {
  let text: String

  init(_ report: RulesReport) {
    var rows = [["LINE", "ADDRESS", "KEYS", "ACTION", "FLAGS", "ENVIRONMENT"]]
    for row in report.rows {
      let flags = [
        row.relays ? "R" : "", row.signing != nil ? "S" : "", row.verifying != nil ? "V" : "",
        row.environment.contains { $0.name == "DKQUEUE" } ? "Q" : "",
      ].joined()
      let environment = row.environment.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
      rows.append([
        String(row.line), row.address.isEmpty ? "(default)" : row.address, String(row.keyCount),
        row.instruction.rawValue, flags.isEmpty ? "-" : flags, environment,
      ])
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = ""
    for row in rows {
      let padded = (0..<5).map {
        row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0)
      }
      text += (padded + [row[5]]).joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    switch report.cdbState {
    case .current: text += "\ntcp.smtp.cdb: current\n"
    case .stale:
      text +=
        "\ntcp.smtp.cdb: stale: tcpserver is not using these rules; run 'toaster-dk rules compile'\n"
    case .missing:
      text +=
        "\ntcp.smtp.cdb: missing: tcpserver refuses every connection; run 'toaster-dk rules compile'\n"
    }
    self.text = text
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

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
