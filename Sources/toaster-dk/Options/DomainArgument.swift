import ArgumentParser
import KeyStore

/// The one mail domain a `domain` subcommand works on, with its help text and its check
/// in one place.
struct DomainArgument: ParsableArguments {
  @Argument(
    help: ArgumentHelp("The mail domain, e.g. example.com.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName
}
