public import DNS
public import KeyStore

/// Checks key records through a `Resolver`: the record matches when one TXT record at the
/// name carries the local key's `p=`, as a verifier that tries each record would find it.
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
    switch resolver.txt(name) {
    case .records(let answer):
      let keys = answer.records.map {
        PublishedKeyRecord.publicKeyBase64(inRecordFile: String(decoding: $0.joined, as: UTF8.self))
      }
      if keys.contains(expected.publicKeyBase64) { return .matches(ttl: answer.ttl) }
      if keys.contains("") { return .differs("the record at \(name) is revoked (empty p=)") }
      return .differs("the record at \(name) is not this key's (\(from))")
    case .nxdomain: return .missing("NXDOMAIN for \(name) \(from)")
    case .nodata: return .missing("no TXT record at \(name) (NODATA \(from))")
    case .temporaryFailure(let failure): return .temporaryFailure("\(name): \(failure) \(from)")
    case .bogus(let why): return .differs("DNSSEC bogus answer for \(name): \(why)")
    case .invalidName(let why): return .differs("\(name) cannot be asked: \(why)")
    }
  }
}
