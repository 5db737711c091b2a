import DomainCheck
import KeyStore

extension HealthStore {
  /// One domain's keys, with what `domain check` found for those tcp.smtp signs with.
  func domainHealth(
    _ domain: DomainReport, selectors: [String], checked: DomainCheckResult, now: Int,
    problems: inout HealthProblems
  ) -> HealthReport.Domain {
    let report = checked.domains.first { $0.domain == domain.name }
    var keys: [HealthReport.Key] = []
    for key in domain.keys {
      let signs = selectors.contains(key.selector) && domain.aliasOf == nil
      var record: String?
      if signs, let check = report?.selectors.first(where: { $0.selector == key.selector }) {
        record = Self.summary(check)
        Self.noteRecord(check, problems: &problems)
      }
      let age = ageDays(key.path, now: now)
      if let age, age > maxKeyAgeDays, signs {
        problems.error(
          "\(key.path): \(age) days old (over \(maxKeyAgeDays)): rotate it with "
            + "toaster-dk rotate start")
      }
      if signs, let loaded = key.key, loaded.algorithm == "rsa", loaded.bits < 2048 {
        problems.error(
          "\(key.path): rsa \(loaded.bits) bits, under the 2048 RFC 8301 recommends: rotate to "
            + "2048-bit keys with toaster-dk rotate start")
      }
      keys.append(
        .init(
          selector: key.selector, spec: key.key?.spec ?? "unreadable", ageDays: age, signs: signs,
          record: record))
    }
    if domain.aliasOf == nil, !selectors.isEmpty,
      !domain.keys.contains(where: { selectors.contains($0.selector) })
    {
      problems.error(
        "\(domain.name) has no key at selector \(selectors[0]), so qmail-dk queues its "
          + "mail unsigned: toaster-dk domain add \(domain.name) --selector \(selectors[0])")
    }
    var dmarc: String?
    if domain.aliasOf == nil, let report, !keys.isEmpty {
      dmarc = report.dmarc.policy ?? "none"
      for finding in report.dmarc.findings { Self.note(finding, problems: &problems) }
    }
    return .init(name: domain.name, aliasOf: domain.aliasOf, keys: keys, dmarc: dmarc)
  }

  /// The record's standing in a few words.
  static func summary(_ check: SelectorCheck) -> String {
    switch check.status {
    case .matches:
      "published and matching (ttl \(check.ttl ?? 0))" + (isTesting(check) ? ", t=y" : "")
    case .differentKey: "a different key"
    case .notPublished: "not published"
    case .temporaryFailure: "temporary DNS failure"
    default: check.status.rawValue
    }
  }

  private static func isTesting(_ check: SelectorCheck) -> Bool {
    check.findings.contains { $0.code == "testing" }
  }

  // Errors and temporary failures as problems, and t=y as a warning; the notes and the
  // other warnings stay in domain check. A key missing at the DKSIGN selector is said once,
  // above.
  private static func noteRecord(_ check: SelectorCheck, problems: inout HealthProblems) {
    for finding in check.findings where finding.code != "no-local-key" {
      if finding.severity == .warning, finding.code != "testing" { continue }
      note(finding, problems: &problems)
    }
  }

  private static func note(_ finding: Finding, problems: inout HealthProblems) {
    switch finding.severity {
    case .error: problems.error(finding.message)
    case .temporary: problems.temporary(finding.message)
    case .warning where finding.code == "testing": problems.warning(finding.message)
    case .warning, .info: break
    }
  }
}
