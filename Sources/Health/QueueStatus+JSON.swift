public import ToasterSupport

extension QueueStatus {
  /// What `queue status --json` prints: the chain's fields plus `clients`.
  public var json: JSONValue {
    guard case .object(var fields) = chain.json else { return chain.json }
    fields.append(("clients", .array(clients.map(\.json))))
    return .object(fields)
  }
}

extension QueueStatus.Client {
  /// `{"ip", "line", "mode", "template"/"letters", "ed25519_template", "dkim", "problem"}`.
  var json: JSONValue {
    var mode: String?
    var template: String?
    var letters: String?
    switch self.mode {
    case .sign(let value)?: (mode, template) = ("sign", value)
    case .verify(let value)?: (mode, letters) = ("verify", value)
    case .passThrough?: mode = "pass-through"
    case nil: mode = denied ? "denied" : nil
    }
    return .object(omittingNil: [
      ("ip", ip.map(JSONValue.string)), ("line", line.map { .int($0) }),
      ("mode", mode.map(JSONValue.string)), ("template", template.map(JSONValue.string)),
      ("letters", letters.map(JSONValue.string)),
      ("ed25519_template", template == nil ? nil : ed25519Template.map(JSONValue.string)),
      ("dkim", template == nil ? nil : .bool(signsDKIM)),
      ("problem", problem.map(JSONValue.string)),
    ])
  }
}
