public import DKEngine

/// Key records from live DNS for the engine: each `selector._domainkey.domain` is asked once
/// per resolver (one run), and every answer says where it came from.
///
/// DNS outcomes map as `dns.md` §3.3 says: NXDOMAIN, NODATA and an invalid name are "no key"
/// (DomainKeys D, DKIM permerror); SERVFAIL, REFUSED, a timeout and a DNSSEC-bogus answer
/// are temporary (DomainKeys F, DKIM temperror), as a validating resolver's SERVFAIL is.
public final class DNSKeyResolver: KeyResolver {
  /// The resolver asked.
  public let resolver: Resolver
  private var answers: [String: KeyLookup] = [:]
  private var outcomes: [String: TXTOutcome] = [:]

  /// Asks `resolver` for key records.
  public init(resolver: Resolver) {
    self.resolver = resolver
  }

  /// Distinct key names asked so far.
  public var lookupCount: Int { answers.count }

  /// The DNS outcome behind the answer for `name` (lower case), once asked.
  public func outcome(forName name: String) -> TXTOutcome? { outcomes[name.lowercased()] }

  /// The key records at `selector._domainkey.domain`.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    let name = "\(selector)._domainkey.\(domain)"
    let key = name.lowercased()
    if let answer = answers[key] { return answer }
    let outcome = resolver.txt(name)
    let answer = Self.keyLookup(outcome, name: name, from: resolver.configuration.serverDescription)
    answers[key] = answer
    outcomes[key] = outcome
    return answer
  }

  /// The engine's view of a TXT outcome for `name`, naming `server` in the reasons.
  public static func keyLookup(_ outcome: TXTOutcome, name: String, from server: String)
    -> KeyLookup
  {
    switch outcome {
    case .records(let answer): return .found(answer.records.map(\.joined))
    case .nxdomain: return .notFound(reason: "no TXT at \(name) (NXDOMAIN from \(server))")
    case .nodata: return .notFound(reason: "no TXT at \(name) (NODATA from \(server))")
    case .invalidName(let why): return .notFound(reason: why)
    case .temporaryFailure(let failure):
      return .temporaryFailure(reason: "TXT lookup of \(name) failed: \(failure) from \(server)")
    case .bogus(let why):
      return .temporaryFailure(reason: "TXT answer for \(name) is DNSSEC bogus: \(why)")
    }
  }
}
