import ArgumentParser
import DKEngine
import TcpRules

/// `toaster-dk rules lint`: mistakes in tcp.smtp that tcprules accepts silently.
struct RulesLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Find mistakes in tcp.smtp, including those tcprules accepts silently.",
    discussion: """
      Reports, as file:line:column, lines tcprules rejects and lines it accepts that do not \
      do what they seem to: lines without a colon (silently skipped), DOS line endings, \
      comments after a rule, duplicate addresses (only the first one counts), empty ranges, \
      addresses that can never match, host and ident rules on a server running tcpserver \
      -H -R, DKSIGN templates without %, invalid DKVERIFY letters, and DKQUEUE loops. \
      Exits 65 when there is an error or a warning, 0 when there are only notes or nothing.
      """
  )

  @Flag(help: "tcpserver runs without -H/-R here, so =host and info@ rules can match.")
  var hostLookups = false

  @OptionGroup var files: RulesFileOptions
  @OptionGroup var quietOption: QuietOption

  func run() throws {
    do {
      let options = LintOptions(
        hostAndInfoLookupsDisabled: !hostLookups, dkVerifyProblems: DKVerifyPolicy.problems)
      let diagnostics = try files.store.lint(options: options)
      diagnostics.forEach(DiagnosticPrinter.print)
      if diagnostics.contains(where: { $0.severity != .note }) {
        throw ExitStatus.dataError.exitCode
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
