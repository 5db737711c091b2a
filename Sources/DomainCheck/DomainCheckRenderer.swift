/// `domain check`'s text output: a summary line per domain with its findings below.
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
}
