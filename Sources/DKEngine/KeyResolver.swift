/// The answer to a key record lookup (`<selector>._domainkey.<domain>` TXT).
public enum KeyLookup: Sendable, Hashable {
  /// The TXT records found, each with its strings already concatenated.
  case found([String])
  /// No such record: a permanent failure (libdomainkeys' `e=perm;`).
  case notFound
  /// The lookup failed for now (libdomainkeys' `e=temp;`).
  case temporaryFailure
}

/// Where the engine gets public key records; DNS is one implementation, a fixed record another.
public protocol KeyResolver {
  /// Looks up the key record of `selector` in `domain`.
  func lookup(selector: String, domain: String) -> KeyLookup
}

/// A resolver answering from records given in advance, for dry runs and tests.
public struct StaticKeyResolver: KeyResolver, Sendable {
  private let records: [String: KeyLookup]
  private let fallback: KeyLookup

  /// A resolver that answers every lookup with `record`.
  public init(record: String) {
    records = [:]
    fallback = .found([record])
  }

  /// A resolver keyed by `selector._domainkey.domain` (lower case); others are not found.
  public init(records: [String: KeyLookup]) {
    var lowered: [String: KeyLookup] = [:]
    for (name, answer) in records { lowered[name.lowercased()] = answer }
    self.records = lowered
    fallback = .notFound
  }

  /// The record for the name, or the fallback answer.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    records["\(selector)._domainkey.\(domain)".lowercased()] ?? fallback
  }
}
