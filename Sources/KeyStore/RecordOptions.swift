/// Which records to produce and how: the `domain dns` options.
public struct RecordOptions: Equatable, Sendable {
  /// Which protocol's records to include.
  public enum Scope: String, Sendable, CaseIterable {
    /// The key record, the DomainKeys policy and the DMARC suggestion.
    case both
    /// The key record and the DomainKeys policy (rsa keys only).
    case domainKeys = "dk"
    /// The key record and the DMARC suggestion.
    case dkim
  }

  /// The TTL used when none is given: one hour, short enough to roll a key over in a day.
  public static let defaultTTL = 3600

  /// The time to live of every record.
  public let ttl: Int
  /// True to publish `t=y` (testing) in the key record and the DomainKeys policy.
  public let testing: Bool
  /// Which records to include.
  public let scope: Scope

  /// Checks and creates the options.
  ///
  /// - Throws: `KeyStoreError.invalidTTL` outside 0...2147483647 (RFC 2181 §8).
  public init(ttl: Int = defaultTTL, testing: Bool = false, scope: Scope = .both)
    throws(KeyStoreError)
  {
    guard (0...Int(Int32.max)).contains(ttl) else { throw .invalidTTL(ttl) }
    self.ttl = ttl
    self.testing = testing
    self.scope = scope
  }
}
