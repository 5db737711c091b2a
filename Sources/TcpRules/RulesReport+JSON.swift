public import ToasterSupport

extension RulesReport {
  /// What `rules show --json` prints: every rule with its settings, and the cdb's state.
  public var json: JSONValue {
    .object([
      ("rules", .array(rows.map(Self.json))),
      ("cdb", .string(cdbState.rawValue)),
    ])
  }

  private static func json(_ row: Row) -> JSONValue {
    .object([
      ("line", .int(row.line)),
      ("address", .string(row.address)),
      ("keys", .int(row.keyCount)),
      ("instruction", .string(row.instruction.rawValue)),
      ("relays", .bool(row.relays)),
      ("signs", .bool(row.signing != nil)),
      ("verifies", .bool(row.verifying != nil)),
      (
        "environment",
        .array(
          row.environment.map {
            .object([("name", .string($0.name)), ("value", .string($0.value))])
          }
        )
      ),
    ])
  }
}
