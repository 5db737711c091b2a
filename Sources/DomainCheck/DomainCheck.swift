public import DNS
public import KeyStore
public import ToasterSupport

/// What `toaster-dk domain check` is asked to do.
public struct DomainCheckRequest: Sendable {
  /// The tree under `--root`.
  public var paths: ToasterPaths
  /// The domains to check; empty for every domain in the key directory.
  public var domains: [DomainName]
  /// The resolver configuration for questions about a domain.
  public var configuration: @Sendable (String) -> ResolverConfiguration

  /// Creates a request.
  public init(
    paths: ToasterPaths, domains: [DomainName],
    configuration: @escaping @Sendable (String) -> ResolverConfiguration
  ) {
    self.paths = paths
    self.domains = domains
    self.configuration = configuration
  }
}

/// `domain check`: compares what DNS serves for each domain's selectors with the local keys.
public enum DomainCheck {
  /// Checks every domain of the key directory (or those named) and every selector tcp.smtp's
  /// DKSIGN lines use, reading only the public half of each key.
  ///
  /// - Throws: `KeyStoreError` when the key directory is missing or unreadable, `DNSError`
  ///   when a resolver cannot be set up.
  public static func run(_ request: DomainCheckRequest) throws -> DomainCheckResult {
    let store = KeyStore(paths: request.paths)
    let (uses, note) = DKSignTemplateFile.uses(path: request.paths.rulesFile)
    var halves: [PublicHalf] = []
    var domains: [String] = []
    var missing: Set<String> = []
    if request.domains.isEmpty {
      halves = try store.publicHalves()
      for half in halves where !domains.contains(half.domain) { domains.append(half.domain) }
    } else {
      for domain in request.domains {
        domains.append(domain.text)
        do {
          halves += try store.publicHalves(domain: domain)
        } catch {
          guard case .noSuchDomain = error else { throw error }
          missing.insert(domain.text)
        }
      }
    }
    var resolvers: [ResolverConfiguration: Resolver] = [:]
    var reports: [DomainCheckReport] = []
    for domain in domains.sorted() {
      let configuration = request.configuration(domain)
      let resolver: Resolver
      if let known = resolvers[configuration] {
        resolver = known
      } else {
        resolver = try Resolver(configuration)
        resolvers[configuration] = resolver
      }
      let findings =
        missing.contains(domain)
        ? [
          Finding(
            .error, "no-key-directory",
            "no key directory \(store.path)/\(domain): make a key with toaster-dk domain add"
              + " \(domain)")
        ] : []
      reports.append(
        DomainCheckReport.check(
          domain: domain,
          targets: CheckTarget.targets(domains: [domain], halves: halves, uses: uses),
          server: configuration.serverDescription, findings: findings, lookup: resolver.txt))
    }
    return DomainCheckResult(domains: reports, notes: note.map { [$0] } ?? [])
  }
}
