public import ToasterSupport

extension BulkAddResult {
  /// What `domain add --all --json` prints: each domain's outcome and the failures.
  public func json(dryRun: Bool) -> JSONValue {
    .object([
      ("dry_run", .bool(dryRun)),
      ("domains", .array(entries.map(Self.json))),
      ("failed", .array(failures.map { .string($0.domain.text) })),
    ])
  }

  private static func json(_ entry: Entry) -> JSONValue {
    var members: [(String, JSONValue)] = [("domain", .string(entry.domain.text))]
    switch entry.outcome {
    case .created(let result):
      members += [
        ("status", .string("created")), ("key_path", .string(result.keyPath)),
        ("dns", RecordRenderer.json(result.records)),
      ]
    case .existing(let keyPath, let records):
      members += [
        ("status", .string("exists")), ("key_path", .string(keyPath)),
        ("dns", records.map(RecordRenderer.json) ?? .null),
      ]
    case .wouldCreate(let keyPath):
      members += [("status", .string("would-create")), ("key_path", .string(keyPath))]
    case .alias(let real):
      members += [("status", .string("alias")), ("alias_of", .string(real.text))]
    case .failed(let error):
      members += [("status", .string("failed")), ("error", .string(error.description))]
    }
    return .object(members)
  }
}

extension RecordRenderer {
  /// The records of several domains in one output: BIND and tinydns-data text one set after
  /// another, a JSON array, or (plain) one `name<TAB>value` line per key record.
  public static func render(_ sets: [DomainRecordSet], as format: RecordFormat) -> String {
    switch format {
    case .bind, .tinydns: sets.map { render($0, as: format) }.joined()
    case .plain: sets.map { "\($0.key.name)\t\($0.key.value)\n" }.joined()
    case .json: JSONValue.array(sets.map(json)).text + "\n"
    }
  }
}

extension RestoreKeyResult {
  /// What `domain restore --json` prints: the backup chosen and each file moved back.
  public var json: JSONValue {
    .object([
      ("stamp", .string(backup.stamp)),
      ("selector", backup.selector.map(JSONValue.string) ?? .null),
      (
        "moved",
        .array(moved.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })
      ),
    ])
  }
}
