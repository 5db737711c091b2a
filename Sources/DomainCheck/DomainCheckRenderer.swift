public import KeyStore
public import ToasterSupport

/// `domain check`'s output: a summary line per domain with its findings below, or JSON.
public enum DomainCheckRenderer {
  /// One summary line per domain, then each finding indented (each selector's most serious
  /// first).
  public static func text(_ result: DomainCheckResult) -> String {
    var lines: [String] = []
    for report in result.domains {
      lines.append(summary(report))
      for finding in report.allFindings {
        lines.append("  \(label(finding.severity)): \(finding.message)")
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// `example.com: ok: private matches; _domainkey o=-; _dmarc p=none`.
  public static func summary(_ report: DomainCheckReport) -> String {
    var parts = report.selectors.map {
      "\($0.selector) \($0.status.rawValue.replacing("-", with: " "))"
    }
    if parts.isEmpty { parts = ["no key"] }
    let policy = report.policy.policy ?? "none"
    let dmarc = report.dmarc.policy ?? "none"
    return "\(report.domain): \(report.verdict.rawValue): \(parts.joined(separator: ", "));"
      + " _domainkey \(policy); _dmarc \(dmarc)"
  }

  private static func label(_ severity: Finding.Severity) -> String {
    switch severity {
    case .info: "note"
    case .warning: "warning"
    case .temporary: "temporary"
    case .error: "error"
    }
  }

  /// Every finding of every domain, for `--json`.
  public static func json(_ result: DomainCheckResult) -> JSONValue {
    .object([
      ("verdict", .string(result.verdict.rawValue)),
      ("notes", .array(result.notes.map(JSONValue.string))),
      ("domains", .array(result.domains.map(json))),
    ])
  }

  private static func json(_ report: DomainCheckReport) -> JSONValue {
    .object([
      ("domain", .string(report.domain)),
      ("server", .string(report.server)),
      ("verdict", .string(report.verdict.rawValue)),
      ("summary", .string(summary(report))),
      ("findings", json(report.findings)),
      ("selectors", .array(report.selectors.map(json))),
      ("domainkeys_policy", json(report.policy)),
      ("dmarc", json(report.dmarc)),
    ])
  }

  private static func json(_ check: SelectorCheck) -> JSONValue {
    .object([
      ("name", .string(check.name)),
      ("selector", .string(check.selector)),
      ("status", .string(check.status.rawValue)),
      ("outcome", .string(check.outcome)),
      ("local_key", check.localSource.map(JSONValue.string) ?? .null),
      ("used_by", .array(check.uses.map(json))),
      ("records", .array(check.records.map(json))),
      ("cname_chain", .array(check.cnameChain.map(JSONValue.string))),
      ("ttl", check.ttl.map(JSONValue.int) ?? .null),
      ("dnssec", check.dnssec.map(JSONValue.string) ?? .null),
      ("findings", json(check.findings)),
    ])
  }

  private static func json(_ use: TemplateUse) -> JSONValue {
    .object([
      ("path", .string(use.path)), ("line", .int(use.line)),
      ("template", .string(use.template)), ("selector", .string(use.selector)),
    ])
  }

  private static func json(_ record: ServedRecord) -> JSONValue {
    .object([
      ("position", .int(record.position)),
      ("text", .string(record.text)),
      ("string_lengths", .array(record.stringLengths.map(JSONValue.int))),
      ("matches_local", record.matchesLocal.map(JSONValue.bool) ?? .null),
    ])
  }

  private static func json(_ policy: PolicyCheck) -> JSONValue {
    .object([
      ("name", .string(policy.name)),
      ("outcome", .string(policy.outcome)),
      ("policy", policy.policy.map(JSONValue.string) ?? .null),
      ("findings", json(policy.findings)),
    ])
  }

  private static func json(_ findings: [Finding]) -> JSONValue {
    .array(
      findings.map {
        .object([
          ("severity", .string($0.severity.rawValue)), ("code", .string($0.code)),
          ("message", .string($0.message)),
        ])
      })
  }
}
