public import ToasterSupport

extension SnapshotResult {
  /// What `snapshot --json` prints: what was copied and what was refused.
  public var json: JSONValue {
    .object([
      ("destination", .string(destination)),
      ("files", .array(files.map(JSONValue.string))),
      ("directories", .array(directories.map(JSONValue.string))),
      (
        "links",
        .array(links.map { .object([("path", .string($0.path)), ("target", .string($0.target))]) })
      ),
      (
        "refused",
        .array(
          refused.map { .object([("path", .string($0.path)), ("resolved", .string($0.resolved))]) }
        )
      ),
      ("skipped", .array(skipped.map(JSONValue.string))),
      ("set_id_cleared", .array(setIDCleared.map(JSONValue.string))),
    ])
  }
}
