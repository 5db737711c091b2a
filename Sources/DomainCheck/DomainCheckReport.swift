public import DNS

/// What `domain check` found for one domain.
public struct DomainCheckReport: Sendable, Hashable {
  /// The domain.
  public let domain: String
  /// Who was asked.
  public let server: String
  /// Each selector checked: the local keys, then the selectors tcp.smtp uses.
  public let selectors: [SelectorCheck]
  /// The DomainKeys policy record.
  public let policy: PolicyCheck
  /// The DMARC record.
  public let dmarc: PolicyCheck
  /// Findings about the domain as a whole (no key at all).
  public let findings: [Finding]

  /// Every finding, the domain's first.
  public var allFindings: [Finding] {
    findings + selectors.flatMap(\.findings) + policy.findings + dmarc.findings
  }

  /// The verdict for this domain.
  public var verdict: DomainCheckVerdict { DomainCheckVerdict(allFindings) }

  /// Checks `domain`'s `targets` with `lookup` (a resolver's TXT question), naming `server`.
  public static func check(
    domain: String, targets: [CheckTarget], server: String, findings: [Finding] = [],
    lookup: (String) -> TXTOutcome
  ) -> DomainCheckReport {
    let selectors = targets.map {
      SelectorCheck.evaluate($0, outcome: lookup($0.name), server: server)
    }
    var findings = findings
    if targets.isEmpty {
      findings.append(
        Finding(
          .error, "no-key",
          "\(domain) has no key and tcp.smtp names no selector: nothing signs its mail; make"
            + " one with toaster-dk domain add \(domain)"))
    }
    let signed = selectors.contains { $0.status == .matches }
    return DomainCheckReport(
      domain: domain, server: server, selectors: selectors,
      policy: PolicyCheck.domainKeys(
        domain: domain, outcome: lookup("_domainkey.\(domain)"), server: server, signed: signed),
      dmarc: PolicyCheck.dmarc(
        domain: domain, outcome: lookup("_dmarc.\(domain)"), server: server, signed: signed),
      findings: findings)
  }
}

/// The overall answer, as a monitoring script reads it.
public enum DomainCheckVerdict: String, Sendable, Hashable, Comparable {
  /// Everything published and matching (warnings and notes aside).
  case ok
  /// Only temporary DNS failures stood in the way.
  case temporary
  /// Something is mismatched or missing.
  case problem

  /// The verdict for a set of findings.
  public init(_ findings: [Finding]) {
    switch findings.worst {
    case .error?: self = .problem
    case .temporary?: self = .temporary
    default: self = .ok
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    let order: [Self] = [.ok, .temporary, .problem]
    return order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
  }
}

/// Everything `domain check` found.
public struct DomainCheckResult: Sendable, Hashable {
  /// One report per domain, in name order.
  public let domains: [DomainCheckReport]
  /// Notes about the inputs (tcp.smtp missing or not parsing).
  public let notes: [String]

  /// Creates a result.
  public init(domains: [DomainCheckReport], notes: [String]) {
    self.domains = domains
    self.notes = notes
  }

  /// The worst verdict of all domains (ok for none).
  public var verdict: DomainCheckVerdict { domains.map(\.verdict).max() ?? .ok }
}
