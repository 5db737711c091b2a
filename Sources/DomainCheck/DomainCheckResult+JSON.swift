public import ToasterSupport

extension DomainCheckResult {
  /// What `domain check --json` prints: every finding of every domain.
  public var json: JSONValue {
    .object([
      ("verdict", .string(verdict.rawValue)),
      ("notes", .array(notes.map(JSONValue.string))),
      ("domains", .array(domains.map(DomainCheckJSON.json))),
    ])
  }
}

/// The JSON shapes of `domain check`'s parts.
enum DomainCheckJSON {

  static func json(_ report: DomainCheckReport) -> JSONValue {
    .object([
      ("domain", .string(report.domain)),
      ("server", .string(report.server)),
      ("verdict", .string(report.verdict.rawValue)),
      ("summary", .string(DomainCheckRenderer.summary(report))),
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
