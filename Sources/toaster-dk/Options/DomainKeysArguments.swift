import ArgumentParser
import KeyStore

/// The domain and the optional selector of `domain remove` and `domain restore`: a whole
/// domain's keys, or one selector's.
struct DomainKeysArguments: ParsableArguments {
  @OptionGroup var target: DomainArgument
  /// The mail domain.
  var domain: DomainName { target.domain }

  @Option(
    help: ArgumentHelp(
      "Only this selector's key and its record file (default: the whole domain).",
      valueName: "selector"),
    transform: { try SelectorName($0) })
  var selector: SelectorName?
}
