import ArgumentParser
import TcpRules

/// `toaster-dk rules compile`: the `qmailctl cdb` step, done safely.
struct RulesCompileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "Compile tcp.smtp into tcp.smtp.cdb, byte for byte as tcprules does.",
    discussion: """
      Unlike 'qmailctl cdb', a bad line is an error: every bad line is reported as \
      file:line:column with the line and a hint, the exit status is 65, and the old \
      tcp.smtp.cdb is left exactly as it was. The new cdb is written to a temporary file in \
      the same directory, synced and renamed into place (mode 0644), so tcpserver never \
      reads a partial file.
      """
  )

  @OptionGroup var files: RulesFileOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let records = try files.store.compile()
      if output.json {
        output.printJSON(
          .object([("cdb", .string(files.store.cdbPath)), ("records", .int(records))]))
      } else if !output.quiet {
        DiagnosticPrinter.printNote("compiled \(records) records into \(files.store.cdbPath)")
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
