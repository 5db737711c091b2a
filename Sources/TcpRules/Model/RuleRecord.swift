/// One cdb record tcprules writes for a rule: key, data, and the line it came from.
public struct RuleRecord: Equatable, Hashable, Sendable {
  /// The cdb key: the address, or one number of its range.
  public var key: [UInt8]
  /// The cdb data: `D` NUL for deny, then `+NAME=VALUE` NUL per setting.
  public var data: [UInt8]
  /// The 1-based line number of the rule.
  public var line: Int

  /// Creates a record.
  public init(key: [UInt8], data: [UInt8], line: Int) {
    self.key = key
    self.data = data
    self.line = line
  }
}
