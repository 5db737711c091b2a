/// The answer to a key record lookup (`<selector>._domainkey.<domain>` TXT).
public enum KeyLookup: Sendable, Hashable {
  /// The TXT records at the name in the order served, each one's strings joined as bytes.
  case found([[UInt8]])
  /// No key record (NXDOMAIN, NODATA): a permanent failure; `reason` says where it was
  /// looked for, such as "no TXT at s._domainkey.example.com (NXDOMAIN from 127.0.0.1)".
  case notFound(reason: String)
  /// The lookup failed for now (SERVFAIL, timeout …); `reason` names the server's answer.
  case temporaryFailure(reason: String)

  /// Records given as text.
  public static func found(texts: [String]) -> KeyLookup {
    .found(texts.map { Array($0.utf8) })
  }

  /// The default reason for a name with no key record.
  public static func noRecord(selector: String, domain: String) -> KeyLookup {
    .notFound(reason: "no key record at \(selector)._domainkey.\(domain)")
  }
}

/// Where the engine gets public key records; DNS is one implementation, a fixed record another.
public protocol KeyResolver {
  /// Looks up the key record of `selector` in `domain`.
  func lookup(selector: String, domain: String) -> KeyLookup
}

/// A resolver answering from records given in advance, for dry runs and tests.
public struct StaticKeyResolver: KeyResolver, Sendable {
  private let records: [String: KeyLookup]
  private let fallback: KeyLookup?

  /// A resolver that answers every lookup with `record`.
  public init(record: String) {
    records = [:]
    fallback = .found(texts: [record])
  }

  /// A resolver keyed by `selector._domainkey.domain` (lower case); others are not found.
  public init(records: [String: KeyLookup]) {
    var lowered: [String: KeyLookup] = [:]
    for (name, answer) in records { lowered[name.lowercased()] = answer }
    self.records = lowered
    fallback = nil
  }

  /// The record for the name, or the fallback answer.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    records["\(selector)._domainkey.\(domain)".lowercased()] ?? fallback
      ?? .noRecord(selector: selector, domain: domain)
  }
}

/// One lookup per name for the life of the object (one message, or one run): the
/// DomainKeys and DKIM verifiers of a message then share a single DNS question.
public final class SharedKeyLookups: KeyResolver {
  private let resolver: any KeyResolver
  private var answers: [String: KeyLookup] = [:]

  /// Shares the answers of `resolver`.
  public init(_ resolver: any KeyResolver) {
    self.resolver = resolver
  }

  /// Names asked of the underlying resolver so far.
  public var lookupCount: Int { answers.count }

  /// The first answer for the name (case-insensitive).
  public func lookup(selector: String, domain: String) -> KeyLookup {
    let name = "\(selector)._domainkey.\(domain)".lowercased()
    if let answer = answers[name] { return answer }
    let answer = resolver.lookup(selector: selector, domain: domain)
    answers[name] = answer
    return answer
  }
}

/// The key records as libdomainkeys' resolver hands them to qmail-dk: its `dns_txt` returns
/// the literal text `e=perm;` for a permanent DNS failure and `e=temp;` for a temporary one,
/// so a real record with exactly that text is taken for the failure (spec §4.3).
public struct LibdomainkeysKeyResolver: KeyResolver {
  private let resolver: any KeyResolver

  /// Views `resolver`'s answers as libdomainkeys does.
  public init(_ resolver: any KeyResolver) {
    self.resolver = resolver
  }

  /// The answer, with a first record `e=perm;` or `e=temp;` turned into the failure.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    let answer = resolver.lookup(selector: selector, domain: domain)
    guard case .found(let records) = answer, let first = records.first else { return answer }
    let name = "\(selector)._domainkey.\(domain)"
    if first == Array("e=perm;".utf8) {
      return .notFound(reason: "record at \(name) is libdomainkeys' e=perm; (no key)")
    }
    if first == Array("e=temp;".utf8) {
      return .temporaryFailure(reason: "record at \(name) is libdomainkeys' e=temp; (try later)")
    }
    return answer
  }
}
