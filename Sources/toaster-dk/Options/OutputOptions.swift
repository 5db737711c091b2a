import ArgumentParser
import FoundationEssentials

/// `--json` and `--quiet`: how a command reports its result.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print the result as JSON on standard output, for scripts and automation.")
  var json = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  /// Prints `value` as one line of JSON with sorted, snake_case keys.
  func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
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
