public import KeyStore
public import ToasterSupport

/// A domain this toaster receives mail for, with every place it is listed.
public struct ServedDomain: Equatable, Sendable {
  /// The domain.
  public let domain: DomainName
  /// Every file and line naming it, in the order the files are read.
  public let locations: [SourceLocation]
  /// The real domain, when vpopmail's users/assign makes this an alias of it.
  public let aliasOf: DomainName?

  /// Creates a served domain.
  public init(domain: DomainName, locations: [SourceLocation], aliasOf: DomainName? = nil) {
    self.domain = domain
    self.locations = locations
    self.aliasOf = aliasOf
  }
}

/// Every domain the toaster serves, gathered from qmail's and vpopmail's own lists (pure).
public struct ServedDomains: Equatable, Sendable {
  /// The domains, sorted by name.
  public let domains: [ServedDomain]
  /// Every problem found in the files, in the order they were read.
  public let diagnostics: [Diagnostic]

  /// The real (non-alias) domains, which get keys.
  public var realDomains: [DomainName] { domains.filter { $0.aliasOf == nil }.map(\.domain) }

  /// True when a file has a line that is neither a domain nor a known non-domain form.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Combines what the parsers found.
  ///
  /// An alias is a users/assign domain whose home directory is another domain's: vpopmail's
  /// `vaddaliasdomain` writes `+alias-:real:…:/home/vpopmail/domains/real:…`. Of the entries
  /// sharing a directory, the real domain is the one named in the user field (else the one
  /// the directory is named after, else the first).
  public init(lists: [ListedDomains], assign: UsersAssign.Result?) {
    var locations: [DomainName: [SourceLocation]] = [:]
    var diagnostics: [Diagnostic] = []
    for list in lists {
      for entry in list.domains { locations[entry.domain, default: []].append(entry.location) }
      diagnostics += list.diagnostics
    }
    var aliases: [DomainName: DomainName] = [:]
    if let assign {
      for entry in assign.domains { locations[entry.domain, default: []].append(entry.location) }
      diagnostics += assign.diagnostics
      aliases = Self.aliases(in: assign.domains)
    }
    self.domains = locations.keys.sorted().map {
      ServedDomain(domain: $0, locations: locations[$0] ?? [], aliasOf: aliases[$0])
    }
    self.diagnostics = diagnostics
  }

  private static func aliases(in entries: [AssignedDomain]) -> [DomainName: DomainName] {
    var byHome: [String: [AssignedDomain]] = [:]
    var order: [String] = []
    for entry in entries {
      let home = entry.home.hasSuffix("/") ? String(entry.home.dropLast()) : entry.home
      if byHome[home] == nil { order.append(home) }
      byHome[home, default: []].append(entry)
    }
    var aliases: [DomainName: DomainName] = [:]
    for home in order {
      guard let group = byHome[home], group.count > 1 else { continue }
      let directoryName = home.split(separator: "/").last.map(String.init) ?? ""
      let real =
        group.first { $0.domain.text == $0.user } ?? group.first { $0.domain.text == directoryName }
        ?? group[0]
      for entry in group where entry.domain != real.domain { aliases[entry.domain] = real.domain }
    }
    return aliases
  }
}
