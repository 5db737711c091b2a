/// A lossless model of a `tcp.smtp` file: every line, in order, byte for byte.
///
/// `render(parse(x)) == x` for every file `parse` accepts.
public struct RulesFile: Equatable, Hashable, Sendable {
  /// The lines in file order.
  public var lines: [RulesLine]

  /// Creates a file from lines.
  public init(lines: [RulesLine]) {
    self.lines = lines
  }

  /// The rules with their line numbers, in file order.
  public var rules: [(line: Int, rule: Rule)] {
    lines.compactMap { line in line.rule.map { (line.number, $0) } }
  }

  /// The file's bytes: each line followed by LF where it had one.
  public func render() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count + 1 })
    for line in lines {
      bytes += line.bytes
      if line.hasNewline { bytes.append(LineScanner.newline) }
    }
    return bytes
  }
}
