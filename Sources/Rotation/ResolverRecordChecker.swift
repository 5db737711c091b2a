public import DNS
public import KeyStore

/// Checks key records through a `Resolver`: the record matches when one TXT record at the
/// name carries the local key's `p=`, as a verifier that tries each record would find it.
public final class ResolverRecordChecker: RecordChecker {
  /// The resolver asked.
  public let resolver: Resolver

  /// A checker asking `resolver`.
  public init(resolver: Resolver) {
    self.resolver = resolver
  }

  public func check(domain: DomainName, selector: SelectorName, expected: PublishedKeyRecord)
    -> PublishedRecord
  {
    let name = "\(selector)._domainkey.\(domain)"
    let from = "from \(resolver.configuration.serverDescription)"
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
