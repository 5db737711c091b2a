import ArgumentParser
import KeyStore

/// The domain and the optional selector of `domain remove` and `domain restore`: a whole
/// domain's keys, or one selector's.
struct DomainKeysArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp("The mail domain, e.g. example.com.", valueName: "domain"),
    transform: { try DomainName($0) })
  var domain: DomainName

  @Option(
    help: ArgumentHelp(
      "Only this selector's key and its record file (default: the whole domain).",
      valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName?
}
