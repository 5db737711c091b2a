import ArgumentParser
import Health

#if canImport(Glibc)
  import Glibc
#endif

/// `toaster-dk status`: the whole toaster's DKIM health in one view.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the signing health of the whole toaster, each problem with its fix.",
    discussion: """
      Per domain: its keys (algorithm and size, age), which selector tcp.smtp signs with, \
      whether DNS serves that selector's record and it matches the key (judged as domain \
      check judges it, t=y included), the DMARC policy, and the permissions as the signing \
      users meet them. Then tcp.smtp's signing and verifying rules (each DKVERIFY letter \
      explained) and whether its cdb is \
      current, what bin/qmail-queue and bin/qmail-remote are, whether bounces and locally \
      injected mail get signed (only toaster-dk-remote signs them, and bounces only when \
      their domain has a key), and the key rotation in progress. Every problem is listed \
      with the command that fixes it. Exit status 0 when all is well (warnings such as t=y \
      or unsigned bounces aside), 1 when something is wrong, 75 when only temporary DNS \
      failures stand in the way (for monitoring).
      """)

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var dns: RotateDNSOptions
  @OptionGroup var signers: SignerOptions
  @OptionGroup var ownership: KeyOwnershipOptions
  @Option(
    help: ArgumentHelp("Flag signing keys older than this many days.", valueName: "days"))
  var maxKeyAge = 365
  @Option(
    help: ArgumentHelp(
      "Judge key ages as at this time (seconds since the epoch).", valueName: "seconds"))
  var time: Int?
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      var store = HealthStore(
        paths: rootOptions.paths, signerNames: signers.names, maxKeyAgeDays: maxKeyAge)
      (store.owner, store.group) = (ownership.owner, ownership.group)
      let report = try store.report(
        dns: { dns.dns.configuration(domain: $0) }, now: time ?? Int(Glibc.time(nil)))
      if output.json { output.printJSON(report.json) } else { print(report.text, terminator: "") }
      if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
