extension RulesFile {
  /// The records tcprules writes for this file, in file order with ranges ascending and
  /// duplicates kept (a lookup returns the first, so the first matching line wins).
  public func records() -> [RuleRecord] {
    var records: [RuleRecord] = []
    for line in lines {
      guard let rule = line.rule else { continue }
      let data = rule.recordData
      for key in rule.address.keys {
        records.append(RuleRecord(key: key, data: data, line: line.number))
      }
    }
    return records
  }

  /// The number of the first line whose rule writes a record with `key`: the line a lookup
  /// that returns `key` comes from, since the first record in file order wins.
  public func lineNumber(producingKey key: [UInt8]) -> Int? {
    lines.first { $0.rule?.address.produces(key: key) ?? false }?.number
  }
}
