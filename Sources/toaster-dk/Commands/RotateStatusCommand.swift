import ArgumentParser
import KeyStore
import Rotation

/// `toaster-dk rotate status`: where the rotation stands, and what to do next.
struct RotateStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Say whether DNS serves each new record and when switch and finish are safe.",
    discussion: """
      Looks up every new record (through /etc/resolv.conf's servers, or --dns-server) and \
      compares it with the key; the first time a record is seen matching is recorded, and \
      the switch becomes safe once its TTL and the negative-cache time have passed since. \
      Exit status 0 when no rotation is in progress or every new record matches, 1 when \
      one is missing or different, 75 when only temporary DNS failures stand in the way.
      """)

  @OptionGroup var options: RotateOptions
  @OptionGroup var dns: RotateDNSOptions

  func run() throws {
    do {
      guard
        let status = try options.store.status(
          checker: dns.checker, negativeTTL: dns.negativeTTL, now: options.now)
      else {
        if options.output.json {
          options.output.printJSON(.object([("rotation", .null)]))
        } else {
          DiagnosticPrinter.printNote("no rotation in progress")
        }
        return
      }
      if options.output.json {
        options.output.printJSON(status.json)
      } else {
        print(status.text, terminator: "")
      }
      switch status.health {
      case .good: return
      case .problem: throw ExitStatus.negative.exitCode
      case .temporary: throw ExitStatus.tempFail.exitCode
      }
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
