/// A position in a text file, for diagnostics in `path:line:column` form.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The path as it should be shown to the user.
  public let path: String
  /// The 1-based line number.
  public let line: Int
  /// The 1-based column, counted in bytes.
  public let column: Int

  /// Creates a location.
  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String { "\(path):\(line):\(column)" }
}
