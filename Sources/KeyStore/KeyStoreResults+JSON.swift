public import ToasterSupport

extension AddKeyResult {
  /// What `domain add --json` prints: the paths written and the records to publish.
  public var json: JSONValue {
    .object([
      ("key_path", .string(keyPath)),
      ("record_path", .string(recordPath)),
      ("backup_path", backupPath.map(JSONValue.string) ?? .null),
      ("dns", RecordRenderer.json(records)),
    ])
  }
}

extension RemoveKeyResult {
  /// What `domain remove --json` prints: each path moved and where it now is.
  public var json: JSONValue {
    .object([
      (
        "moved",
        .array(
          zip(removed, backups).map { .object([("from", .string($0)), ("to", .string($1))]) })
      )
    ])
  }
}

extension PermissionAudit {
  /// What `domain fix-perms --json` prints: the changes, whether they were applied, and
  /// the warnings.
  public var json: JSONValue {
    .object([
      ("applied", .bool(applied)),
      (
        "changes",
        .array(
          changes.map { change in
            .object([
              ("path", .string(change.path)),
              ("kind", .string(change.kind)),
              ("before", .string(change.before.description)),
              ("after", .string(change.after.description)),
            ])
          })
      ),
      ("warnings", .array(warnings.map(JSONValue.string))),
    ])
  }
}
