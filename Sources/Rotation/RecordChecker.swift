public import KeyStore

/// What DNS serves at a new selector's name, as far as a rotation cares.
public enum PublishedRecord: Equatable, Sendable {
  /// The record is served and its `p=` is the local key's; `ttl` as served.
  case matches(ttl: Int)
  /// A record is served but not this key's (another key, revoked, unparsable).
  case differs(String)
  /// No record (NXDOMAIN, NODATA), with where it was asked.
  case missing(String)
  /// The lookup failed for now (SERVFAIL, timeout), with the server's answer.
  case temporaryFailure(String)

  /// True when the record matches.
  public var isMatch: Bool {
    if case .matches = self { return true }
    return false
  }

  /// A short phrase for tables and messages.
  public var summary: String {
    switch self {
    case .matches(let ttl): return "published and matching (ttl \(ttl))"
    case .differs(let reason): return "a different record: \(reason)"
    case .missing(let reason): return "not published: \(reason)"
    case .temporaryFailure(let reason): return "temporary DNS failure: \(reason)"
    }
  }
}

/// Looks up a domain's key record and compares it with the local key: the DNS part of
/// `rotate status` and `rotate switch`, injected so tests and `domain check` plug in.
public protocol RecordChecker {
  /// What DNS serves for `selector` of `domain`, compared with `expected`.
  func check(domain: DomainName, selector: SelectorName, expected: PublishedKeyRecord)
    -> PublishedRecord
}

/// A per-domain signer's selector setting (the queue-exit signer's), changed by `switch`
/// and `abort` together with tcp.smtp.
public protocol SignerSelectorSetting {
  /// The setting's file, for messages.
  var path: String { get }

  /// Makes `switched` domains (and the default) sign with `new` where they signed with
  /// `old`, and `held` domains keep `old`; writes nothing under `dryRun`.
  ///
  /// - Returns: the unified diff of the change (empty when nothing changes).
  /// - Throws: `RotationError.selectorSetting` or an I/O error; the file is then unchanged.
  func apply(
    old: SelectorName, new: SelectorName, switched: [DomainName], held: [DomainName],
    dryRun: Bool
  ) throws -> [UInt8]
}
