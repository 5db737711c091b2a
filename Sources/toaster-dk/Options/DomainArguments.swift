import ArgumentParser
import KeyStore

/// The domain and selector arguments every `domain` subcommand shares.
struct DomainArguments: ParsableArguments {
  @OptionGroup var target: DomainArgument
  /// The mail domain.
  var domain: DomainName { target.domain }

  @Option(
    help: ArgumentHelp(
      "The selector, which is also the key's file name.", valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName = .toasterDefault
}
