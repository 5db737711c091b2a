public import KeyStore
public import ToasterSupport

/// The text and JSON of `domain list --served`: each served domain, its keys and sources.
public enum ServedDomainsRenderer {
  /// One line per domain: `NAME keys S,S` / `no-key` / `alias-of REAL` / `link`, then where
  /// it is listed (`rcpthosts:3`).
  public static func text(_ served: ServedDomains, _ presence: [DomainName: KeyPresence]) -> String
  {
    served.domains.map { entry in
      let sources = entry.locations.map { "\(baseName($0.path)):\($0.line)" }
      return ([entry.domain.text, status(entry, presence[entry.domain])] + sources)
        .joined(separator: " ") + "\n"
    }.joined()
  }

  /// A one-line count for standard error.
  public static func summary(_ served: ServedDomains, _ presence: [DomainName: KeyPresence])
    -> String
  {
    let aliases = served.domains.count - served.realDomains.count
    let missing = served.realDomains.filter { presence[$0] == nil }.count
    var text =
      "\(served.domains.count) domains served: \(served.realDomains.count - missing) with keys,"
      + " \(missing) without, \(aliases) aliases"
    if missing > 0 { text += "; make the missing keys with toaster-dk domain add --missing" }
    return text
  }

  /// The listing as JSON.
  public static func json(_ served: ServedDomains, _ presence: [DomainName: KeyPresence])
    -> JSONValue
  {
    .object([
      (
        "domains",
        .array(
          served.domains.map { entry in
            var keys: [String] = []
            if case .keys(let names)? = presence[entry.domain] { keys = names }
            return .object([
              ("domain", .string(entry.domain.text)),
              ("alias_of", entry.aliasOf.map { .string($0.text) } ?? .null),
              ("status", .string(status(entry, presence[entry.domain]))),
              ("keys", .array(keys.map(JSONValue.string))),
              ("sources", .array(entry.locations.map { .string("\($0.path):\($0.line)") })),
            ])
          })
      ),
      ("diagnostics", .array(served.diagnostics.map { .string($0.description) })),
    ])
  }

  private static func status(_ entry: ServedDomain, _ presence: KeyPresence?) -> String {
    if let real = entry.aliasOf { return "alias-of \(real)" }
    switch presence {
    case .keys(let names)?: return "keys " + names.joined(separator: ",")
    case .link?: return "link"
    case .notDirectory?: return "not-a-directory"
    case nil: return "no-key"
    }
  }

  private static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
