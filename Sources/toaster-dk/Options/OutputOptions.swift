import ArgumentParser
import FoundationEssentials

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

  /// Prints `value` as one line of JSON.
  static func printJSON(_ value: some Encodable) {
    print(jsonText(value))
  }

  /// Prints `value` as one line of JSON.
  func printJSON(_ value: some Encodable) { Self.printJSON(value) }

  /// The one JSON form of every `--json` output: one line, sorted snake_case keys, slashes
  /// unescaped.
  static func jsonText(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain strings, numbers and arrays cannot fail: only a value that throws from
    // its own encode(to:), which none of ours does.
    guard let data = try? encoder.encode(value) else {
      preconditionFailure("a --json value failed to encode")
    }
    return String(decoding: data, as: UTF8.self)
  }
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

/// A JSON scalar, for results too small to deserve their own type.
enum JSONScalar: Encodable {
  case string(String)
  case number(Int)
  case bool(Bool)

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    }
  }
}
