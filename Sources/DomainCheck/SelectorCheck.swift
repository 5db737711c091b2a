public import DNS

/// What DNS serves for one selector compared with the local key.
public enum SelectorStatus: String, Sendable, Hashable {
  /// The record verifiers take carries the local key's public half, byte for byte.
  case matches
  /// The record verifiers take carries another key (a stale record).
  case differentKey = "different-key"
  /// NXDOMAIN or NODATA.
  case notPublished = "not-published"
  /// SERVFAIL, REFUSED, a timeout: nothing can be said until the server answers.
  case temporaryFailure = "temporary-failure"
  /// The record has an empty `p=`.
  case revoked
  /// The record has no `p=`, does not parse, or `p=` is not a usable key.
  case unusable
  /// A record is published, but there is no local key to compare it with.
  case noLocalKey = "no-local-key"
  /// The answer failed DNSSEC validation.
  case bogus
  /// The name cannot be asked (a label over 63 bytes).
  case invalidName = "invalid-name"
}

/// One TXT record at a selector's name, as served.
public struct ServedRecord: Sendable, Hashable {
  /// The position in the answer, from 1.
  public let position: Int
  /// The strings joined, as DKIM reads them (bytes outside ASCII shown as Latin-1).
  public let text: String
  /// The length of each character-string.
  public let stringLengths: [Int]
  /// Whether its `p=` is the local key's (nil without a local key or a usable `p=`).
  public let matchesLocal: Bool?
}

/// The check of one selector: the outcome, the records, the status and the findings.
public struct SelectorCheck: Sendable, Hashable {
  /// The domain.
  public let domain: String
  /// The selector.
  public let selector: String
  /// The local key's source (`/var/qmail/.../private`, or its record file), if any.
  public let localSource: String?
  /// The DKSIGN lines that use this selector.
  public let uses: [TemplateUse]
  /// The DNS outcome in a few words (`1 record`, `NXDOMAIN`, the failure).
  public let outcome: String
  /// Every TXT record served, in answer order.
  public let records: [ServedRecord]
  /// The CNAMEs followed.
  public let cnameChain: [String]
  /// The TTL of the answer (the negative TTL for NXDOMAIN/NODATA).
  public let ttl: Int?
  /// The DNSSEC state, when validating.
  public let dnssec: String?
  /// The verdict.
  public let status: SelectorStatus
  /// Everything found, most serious first.
  public let findings: [Finding]

  /// The key record's name.
  public var name: String { "\(selector)._domainkey.\(domain)" }

  /// The most serious severity among the findings.
  public var severity: Finding.Severity { findings.worst ?? .info }

  /// Judges `outcome`, the answer for `target`'s name from `server`.
  public static func evaluate(_ target: CheckTarget, outcome: TXTOutcome, server: String)
    -> SelectorCheck
  {
    var evaluation = SelectorEvaluation(target: target, server: server)
    evaluation.judge(outcome)
    return SelectorCheck(
      domain: target.domain, selector: target.selector,
      localSource: target.local?.sourceDescription, uses: target.uses,
      outcome: outcome.summary, records: evaluation.records,
      cnameChain: evaluation.cnameChain, ttl: evaluation.ttl, dnssec: evaluation.dnssec,
      status: evaluation.status,
      findings: evaluation.findings.enumerated().sorted {
        ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
      }.map(\.element))
  }
}
