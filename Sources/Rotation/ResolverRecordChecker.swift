public import DNS
import DomainCheck
public import KeyStore

/// Checks key records through a `Resolver`, judged by `DomainCheck` exactly as
/// `domain check` judges them: the record matches when the one verifiers take carries the
/// local key's `p=`.
public final class ResolverRecordChecker: RecordChecker {
  private let configure: (String) -> ResolverConfiguration
  private var resolvers: [ResolverConfiguration: Resolver] = [:]

  /// A checker asking, for each domain, the resolver `configure` describes for it.
  public init(configure: @escaping (String) -> ResolverConfiguration) {
    self.configure = configure
  }

  public func check(domain: DomainName, selector: SelectorName, expected: PublishedKeyRecord)
    -> PublishedRecord
  {
    let name = "\(selector)._domainkey.\(domain)"
    let configuration = configure(domain.text)
    let from = "from \(configuration.serverDescription)"
    let resolver: Resolver
    do {
      resolver = try resolvers[configuration] ?? Resolver(configuration)
    } catch {
      return .temporaryFailure("\(name): cannot set up the resolver: \(error)")
    }
    resolvers[configuration] = resolver
    let outcome = resolver.txt(name)
    let local = PublicHalf(
      domain: domain.text, selector: selector.text, keyPath: name, source: nil,
      algorithm: expected.algorithm, bits: nil, publicKeyBase64: expected.publicKeyBase64)
    let check = SelectorCheck.evaluate(
      CheckTarget(domain: domain.text, selector: selector.text, local: local, uses: []),
      outcome: outcome, server: configuration.serverDescription)
    switch (check.status, outcome) {
    case (.matches, _): return .matches(ttl: check.ttl ?? 0)
    case (_, .nxdomain): return .missing("NXDOMAIN for \(name) \(from)")
    case (_, .nodata): return .missing("no TXT record at \(name) (NODATA \(from))")
    case (_, .temporaryFailure(let failure)):
      return .temporaryFailure("\(name): \(failure) \(from)")
    case (.revoked, _): return .differs("the record at \(name) is revoked (empty p=)")
    case (.differentKey, _): return .differs("the record at \(name) is not this key's (\(from))")
    default:
      let reason = check.findings.first { $0.severity == .error }?.message
      return .differs(reason ?? "\(name): \(check.status.rawValue) (\(from))")
    }
  }
}
