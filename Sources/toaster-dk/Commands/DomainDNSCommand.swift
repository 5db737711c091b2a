import ArgumentParser
import KeyStore

/// `toaster-dk domain dns`: the TXT records to publish for a domain's key.
struct DomainDNSCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dns",
    abstract: "Print the DNS records to publish for a domain's key.",
    discussion: """
      The selector record SELECTOR._domainkey.DOMAIN is one TXT record serving DomainKeys \
      and DKIM (v=DKIM1; k=rsa; p=...); never publish a second TXT record at that name. \
      The DomainKeys policy goes at _domainkey.DOMAIN; the DMARC record is a suggestion.
      """)

  /// Which protocol's records to print.
  enum Scope: String, EnumerableFlag {
    case dk
    case dkim

    static func help(for value: Scope) -> ArgumentHelp? {
      value == .dk
        ? "Only the DomainKeys records (key and policy)." : "Only the DKIM records (key and DMARC)."
    }
  }

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var target: DomainArguments
  @Flag var scope: Scope?
  @OptionGroup var records: RecordOutputOptions
  @OptionGroup var quietOption: QuietOption

  func run() throws {
    do {
      let scope: RecordOptions.Scope =
        switch self.scope {
        case .dk: .domainKeys
        case .dkim: .dkim
        case nil: .both
        }
      let set = try KeyStore(paths: rootOptions.paths).records(
        domain: target.domain, selector: target.selector, options: records.options(scope: scope))
      print(RecordRenderer.render(set, as: records.format), terminator: "")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
