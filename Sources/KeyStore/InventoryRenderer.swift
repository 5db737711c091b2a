public import ToasterSupport

/// Writes `domain list` and `domain show` reports as text or JSON (pure, no I/O).
public enum InventoryRenderer {
  /// The report as text: one line per domain directory, one indented line per key, its
  /// problems indented under it, and (for `show`) the records to publish in `format`.
  public static func text(
    _ inventory: KeyInventory, records: RecordOptions? = nil, format: RecordFormat = .bind
  ) -> String {
    var output = inventory.problems.map { "warning: \($0)\n" }.joined()
    for domain in inventory.domains {
      if let real = domain.aliasOf {
        output += "\(domain.name) alias of \(real)\n"
        guard records != nil else { continue }
      } else {
        output += "\(domain.name) \(domain.permissions) \(status(domain.problems.isEmpty))\n"
      }
      output += domain.problems.map { "  - \($0)\n" }.joined()
      for key in domain.keys {
        let facts = key.key.map { "\($0.spec) \($0.fingerprint)" } ?? "unreadable"
        output += "  \(key.selector) \(facts) \(key.permissions) \(status(key.problems.isEmpty))\n"
        output += key.problems.map { "    - \($0)\n" }.joined()
        if let records, let set = recordSet(key, domain: domain.name, options: records) {
          output += "\n" + RecordRenderer.render(set, as: format) + "\n"
        }
      }
    }
    return output
  }

  /// The report as a JSON document.
  public static func json(_ inventory: KeyInventory, records: RecordOptions? = nil) -> JSONValue {
    .object([
      ("path", .string(inventory.path)),
      ("convention", .string(inventory.convention)),
      ("problems", .array(inventory.problems.map(JSONValue.string))),
      ("domains", .array(inventory.domains.map { json($0, records: records) })),
    ])
  }

  private static func json(_ domain: DomainReport, records: RecordOptions?) -> JSONValue {
    .object([
      ("domain", .string(domain.name)),
      ("path", .string(domain.path)),
      ("alias_of", domain.aliasOf.map(JSONValue.string) ?? .null),
      ("permissions", json(domain.permissions)),
      ("matches_convention", .bool(domain.matchesConvention)),
      ("problems", .array(domain.problems.map(JSONValue.string))),
      ("keys", .array(domain.keys.map { json($0, domain: domain.name, records: records) })),
    ])
  }

  private static func json(_ key: KeyReport, domain: String, records: RecordOptions?) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("selector", .string(key.selector)),
      ("path", .string(key.path)),
      ("record_path", key.recordPath.map(JSONValue.string) ?? .null),
      ("algorithm", key.key.map { .string($0.algorithm) } ?? .null),
      ("bits", key.key.map { .int($0.bits) } ?? .null),
      ("fingerprint", key.key.map { .string($0.fingerprint) } ?? .null),
      ("weak", .bool(key.key?.isWeak ?? false)),
      ("permissions", json(key.permissions)),
      ("matches_convention", .bool(key.matchesConvention)),
      ("problems", .array(key.problems.map(JSONValue.string))),
    ]
    if let records, let set = recordSet(key, domain: domain, options: records) {
      members.append(("records", .array(set.records.map(RecordRenderer.json))))
    }
    return .object(members)
  }

  private static func json(_ permissions: ObservedPermissions) -> JSONValue {
    .object([
      ("mode", .string(permissions.octalMode)),
      ("owner", .string(permissions.ownerName)),
      ("group", .string(permissions.groupName)),
    ])
  }

  private static func recordSet(_ key: KeyReport, domain: String, options: RecordOptions)
    -> DomainRecordSet?
  {
    guard let loaded = key.key, let domainName = try? DomainName(domain),
      let selector = try? SelectorName(key.selector)
    else { return nil }
    let record = PublishedKeyRecord(
      algorithm: loaded.record.algorithm, publicKeyBase64: loaded.record.publicKeyBase64,
      testing: options.testing)
    return try? DomainRecordSet(
      domain: domainName, selector: selector, bits: loaded.bits, keyRecord: record,
      options: options, keyPath: key.path)
  }

  private static func status(_ ok: Bool) -> String { ok ? "ok" : "needs-attention" }
}
