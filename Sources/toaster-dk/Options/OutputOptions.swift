import ArgumentParser
import ToasterSupport

/// `--json` and `--quiet`: how a command reports its result.
struct OutputOptions: ParsableArguments {
  @Flag(
    help: ArgumentHelp(
      "Print the result as JSON on standard output, for scripts and automation.",
      discussion: "A command that fails prints {\"error\": MESSAGE, \"exit_status\": N}."))
  var json = false

  @OptionGroup var quietOption: QuietOption

  /// Whether `-q` was given.
  var quiet: Bool { quietOption.quiet }

  /// Prints `value` as one line of JSON: the only way a command writes JSON.
  static func printJSON(_ value: JSONValue) { print(value.text) }

  /// Prints `value` as one line of JSON.
  func printJSON(_ value: JSONValue) { Self.printJSON(value) }
}

/// `-q`, shared by every command: print nothing but errors.
struct QuietOption: ParsableArguments {
  @Flag(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Print nothing but errors on standard error.",
      discussion: "No notes, warnings or progress; results still go to standard output."))
  var quiet = false
}
