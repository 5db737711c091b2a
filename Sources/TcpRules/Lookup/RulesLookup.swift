/// What tcpserver finds for a connection: the first existing key and its data.
public struct RulesLookup: Equatable, Sendable {
  /// The key that matched, or nil when none did (the connection is allowed as is).
  public var key: [UInt8]?
  /// The matched record's raw data (empty when nothing matched).
  public var data: [UInt8]

  /// Creates a result.
  public init(key: [UInt8]?, data: [UInt8]) {
    self.key = key
    self.data = data
  }

  /// Looks `connection` up through `find`, which returns the data of the first record with a
  /// key (as a cdb reader does), or nil when there is none.
  ///
  /// - Throws: what `find` throws.
  public static func find(
    _ connection: Connection, in find: ([UInt8]) throws -> [UInt8]?
  ) rethrows -> RulesLookup {
    for key in connection.lookupKeys {
      if let data = try find(key) { return RulesLookup(key: key, data: data) }
    }
    return RulesLookup(key: nil, data: [])
  }

  /// Looks `connection` up in `records` (first record per key wins, as in the cdb).
  public static func find(_ connection: Connection, in records: [RuleRecord]) -> RulesLookup {
    var firstByKey: [[UInt8]: [UInt8]] = [:]
    for record in records where firstByKey[record.key] == nil {
      firstByKey[record.key] = record.data
    }
    return find(connection) { firstByKey[$0] }
  }

  /// The decoded data.
  public var ruleData: RuleData { RuleData(data) }

  /// The exact text tcprulescheck prints for this result.
  ///
  /// `rule KEY:`, one `set environment variable NAME=VALUE` per `+` item, then
  /// `allow connection`; tcprulescheck stops at the first `D` item with `deny connection`.
  /// When nothing matched: `default:` and `allow connection`.
  public var tcprulescheckOutput: [UInt8] {
    guard let key else { return Array("default:\nallow connection\n".utf8) }
    var text = Array("rule ".utf8) + key + Array(":\n".utf8)
    for item in ruleData.items {
      switch item {
      case .deny:
        return text + Array("deny connection\n".utf8)
      case .set(let setting):
        text += Array("set environment variable ".utf8) + setting + [LineScanner.newline]
      case .other:
        continue
      }
    }
    return text + Array("allow connection\n".utf8)
  }
}
