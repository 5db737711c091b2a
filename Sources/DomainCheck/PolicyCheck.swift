import DKEngine
public import DNS

/// The DomainKeys policy (`_domainkey.DOMAIN`, `o=`) or DMARC (`_dmarc.DOMAIN`, `p=`) record
/// of a domain, and whether it fits what is signed.
public struct PolicyCheck: Sendable, Hashable {
  /// The name asked.
  public let name: String
  /// The DNS outcome in a few words.
  public let outcome: String
  /// The policy in force (`o=-`, `p=reject`), or nil when there is none.
  public let policy: String?
  /// What was found.
  public let findings: [Finding]

  /// Judges the DomainKeys policy record; `signed` says whether a published key matches.
  public static func domainKeys(
    domain: String, outcome: TXTOutcome, server: String, signed: Bool
  ) -> PolicyCheck {
    let name = "_domainkey.\(domain)"
    var findings: [Finding] = []
    var policy: String?
    switch outcome {
    case .records(let answer):
      let texts = answer.records.map { SelectorEvaluation.text($0.joined) }
      guard let text = texts.first(where: { $0.contains("o=") }) ?? texts.first,
        let tags = try? TagList(parsing: Array(text.utf8), dialect: .domainKeys)
      else {
        findings.append(Finding(.warning, "policy-syntax", "\(name) does not parse: \(texts)"))
        break
      }
      policy = tags["o"].map { "o=\($0)" }
      if tags["o"] == "-" && !signed {
        findings.append(
          Finding(
            .warning, "policy",
            "\(name) says all mail from \(domain) is signed (o=-), but no published key matches"
              + " a local one"))
      }
      if tags["t"] == "y" {
        findings.append(Finding(.info, "policy-testing", "\(name) has t=y (testing)"))
      }
    case .nxdomain, .nodata:
      findings.append(
        Finding(
          .info, "policy",
          "no DomainKeys policy at \(name) (optional: qmail-dk never reads it)"))
    default:
      findings.append(Finding(.temporary, "policy", "\(name): \(outcome.summary) from \(server)"))
    }
    return PolicyCheck(
      name: name, outcome: outcome.summary, policy: policy, findings: findings)
  }

  /// Judges `_dmarc.DOMAIN` (RFC 7489 §6.6.3: records not starting `v=DMARC1` are
  /// discarded, and with more than one left there is no DMARC).
  public static func dmarc(
    domain: String, outcome: TXTOutcome, server: String, signed: Bool
  ) -> PolicyCheck {
    let name = "_dmarc.\(domain)"
    var findings: [Finding] = []
    var policy: String?
    switch outcome {
    case .records(let answer):
      let texts = answer.records.map { SelectorEvaluation.text($0.joined) }.filter {
        $0.hasPrefix("v=DMARC1")
      }
      if texts.isEmpty {
        findings.append(
          Finding(.info, "dmarc", "no DMARC record at \(name) (none starts with v=DMARC1)"))
      } else if texts.count > 1 {
        findings.append(
          Finding(
            .error, "dmarc",
            "\(texts.count) DMARC records at \(name): receivers then apply no DMARC at all;"
              + " keep one"))
      } else {
        policy = judgeDMARC(texts[0], name: name, signed: signed, findings: &findings)
      }
    case .nxdomain, .nodata:
      findings.append(Finding(.info, "dmarc", "no DMARC record at \(name)"))
    default:
      findings.append(Finding(.temporary, "dmarc", "\(name): \(outcome.summary) from \(server)"))
    }
    return PolicyCheck(
      name: name, outcome: outcome.summary, policy: policy, findings: findings)
  }

  private static func judgeDMARC(
    _ text: String, name: String, signed: Bool, findings: inout [Finding]
  ) -> String? {
    guard let tags = try? TagList(parsing: Array(text.utf8), dialect: .dkim),
      let request = tags["p"]?.lowercased(), ["none", "quarantine", "reject"].contains(request)
    else {
      findings.append(
        Finding(
          .error, "dmarc", "\(name) has no valid p= (none, quarantine or reject): \(text)"))
      return nil
    }
    if !signed && request != "none" {
      findings.append(
        Finding(
          request == "reject" ? .error : .warning, "dmarc",
          "\(name) asks receivers to \(request) mail that fails DMARC (p=\(request)), but no"
            + " published key matches a local one: DKIM cannot pass"))
    }
    return "p=\(request)"
  }
}
