import ArgumentParser
import FoundationEssentials
import TcpRules
import ToasterSupport

/// `toaster-dk rules check`: what tcpserver does with a connection, like tcprulescheck.
struct RulesCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Show which rule tcpserver applies to a client, as tcprulescheck does.",
    discussion: """
      Standard output is exactly what tcprulescheck prints for the same connection. The \
      tcp.smtp line of the rule, and a warning when tcp.smtp.cdb is stale, go to standard \
      error. QmailToaster runs tcpserver with -H and -R, so --host and --info never apply \
      there. The exit status is 0 whatever the answer, as with tcprulescheck.
      """
  )

  @Argument(help: ArgumentHelp("The client's IP address (TCPREMOTEIP).", valueName: "ip"))
  var ip: String

  @Option(help: ArgumentHelp("The client's host name (TCPREMOTEHOST).", valueName: "name"))
  var host: String?

  @Option(help: ArgumentHelp("The client's ident answer (TCPREMOTEINFO).", valueName: "user"))
  var info: String?

  @OptionGroup var files: RulesFileOptions
  @OptionGroup var quietOption: QuietOption

  func run() throws {
    do {
      let check = try files.store.check(Connection(ip: ip, host: host, info: info))
      try FileDescriptorIO.writeAll(1, check.lookup.tcprulescheckOutput, path: "standard output")
      if let line = check.line {
        DiagnosticPrinter.printNote("rule from \(files.store.rulesPath):\(line)")
      }
      if check.cdbState == .stale {
        DiagnosticPrinter.printWarning(
          "\(files.store.cdbPath) is stale: it does not match tcp.smtp; run 'toaster-dk rules compile'"
        )
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
