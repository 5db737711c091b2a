import ArgumentParser
import KeyStore

/// The domain and selector arguments every `domain` subcommand shares.
struct DomainArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp("The mail domain, e.g. example.com.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName

  @Option(
    help: ArgumentHelp(
      "The selector, which is also the key's file name.", valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName = .toasterDefault
}
