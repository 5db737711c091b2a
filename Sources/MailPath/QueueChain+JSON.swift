public import ToasterSupport

extension QueueChain {
  /// What `queue status --json` (and `queue install`/`uninstall --json`) prints.
  public var json: JSONValue {
    .object(omittingNil: [
      ("state", .string(state.rawValue)),
      ("target", target.map(JSONValue.string)),
      ("saved_target", savedTarget.map(JSONValue.string)),
      ("has_original_queue", .bool(hasOriginalQueue)),
      ("problem", problem.map(JSONValue.string)),
    ])
  }
}
