public import ToasterSupport

extension RemoteChain {
  /// What `remote status --json` (and `remote install`/`uninstall --json`) prints.
  public var json: JSONValue {
    .object(omittingNil: [
      ("state", .string(state.rawValue)),
      ("target", target.map(JSONValue.string)),
      ("has_original", .bool(hasOriginal)),
      ("has_saved", .bool(hasSaved)),
      ("perl_wrapper", perlWrapper.map(\.json)),
      ("problem", problem.map(JSONValue.string)),
    ])
  }
}

extension PerlWrapperSettings {
  /// The nodes and problems, for `remote status --json`.
  public var json: JSONValue {
    .object([
      (
        "nodes",
        .array(
          nodes.map { node in
            .object(omittingNil: [
              ("name", .string(node.name)), ("algorithm", node.algorithm.map(JSONValue.string)),
              ("domain", node.domain.map(JSONValue.string)),
              ("selector", node.selector.map(JSONValue.string)),
              ("key_file", node.keyFile.map(JSONValue.string)),
            ])
          })
      ),
      ("world_writable", .bool(worldWritable)),
      ("problems", .array(problems.map(JSONValue.string))),
    ])
  }
}
