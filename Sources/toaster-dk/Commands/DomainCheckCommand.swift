import ArgumentParser
import DomainCheck
import KeyStore

/// `toaster-dk domain check`: whether what DNS serves is the key on disk.
struct DomainCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that DNS serves each domain's key, and that the records are sound.",
    discussion: """
      For every domain of the key directory (or those named) and each selector it has, plus \
      the selector each tcp.smtp DKSIGN line makes qmail-dk use (the line is named), fetches \
      SELECTOR._domainkey.DOMAIN and compares the published p= with the local key byte for \
      byte: matches, different key, not published (NXDOMAIN, NODATA), temporary failure \
      (with the server's answer), revoked, several records (and which one verifiers take). \
      It checks v=, k= against the key, h=, s=, t=y, how the strings are split, an answer \
      over 512 bytes (tinydns without axfrdns cannot serve it), CNAMEs and TTLs, the \
      DomainKeys policy (_domainkey.DOMAIN, o=) and DMARC (_dmarc.DOMAIN: p=reject without \
      a matching key is an error), and the DNSSEC state with --dnssec. Only the public half \
      is read: from the key when it can be read, otherwise from SELECTOR.txt or public.txt.

      One summary line per domain, its findings indented below; --json gives every finding. \
      Exit status 0 when every key is published and matching, 1 when something is \
      mismatched or missing, 75 when only temporary DNS failures stood in the way.
      """)

  @OptionGroup var rootOptions: RootOptions
  @Argument(
    help: ArgumentHelp(
      "The domains to check (default: every domain of the key directory).",
      valueName: "domain"),
    transform: { try DomainName($0) })
  var domains: [DomainName] = []
  @OptionGroup var dns: DNSOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let result: DomainCheckResult
    do {
      let dns = self.dns
      result = try DomainCheck.run(
        DomainCheckRequest(paths: rootOptions.paths, domains: domains) {
          dns.configuration(domain: $0)
        })
    } catch {
      throw ExitStatus.report(error)
    }
    if !output.quiet && !output.json { result.notes.forEach(DiagnosticPrinter.printNote) }
    if output.json {
      output.printJSON(result.json)
    } else {
      print(DomainCheckRenderer.text(result), terminator: "")
    }
    switch result.verdict {
    case .ok: return
    case .temporary: throw ExitStatus.tempFail.exitCode
    case .problem: throw ExitStatus.negative.exitCode
    }
  }
}
