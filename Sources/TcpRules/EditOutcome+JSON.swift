public import ToasterSupport

extension EditOutcome {
  /// What an edit prints under `--json`, stable for automation (Ansible's `changed`).
  public func json(dryRun: Bool) -> JSONValue {
    .object(omittingNil: [
      ("changed", .bool(changed)),
      ("written", .bool(written)),
      ("dry_run", .bool(dryRun)),
      ("changed_lines", .array(summary.changedLines.map(JSONValue.int))),
      ("records", records.map(JSONValue.int)),
      ("cdb_was", cdbWas.map { .string($0.rawValue) }),
      ("diff", .string(String(decoding: diff.text, as: UTF8.self))),
    ])
  }
}
