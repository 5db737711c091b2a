extension VerifyReport {
  /// The report as lines for a terminal: one per signature, then qmail-dk's decision.
  public func lines() -> [String] {
    var lines = [domainKeysLine(), "  status header: \"\(domainKeys.statusHeader)\""]
    for (number, result) in dkim.enumerated() {
      lines.append(Self.dkimLine(result, number: number + 1))
    }
    lines.append(qmailDKLine())
    return lines
  }

  private func domainKeysLine() -> String {
    var line = "DomainKeys: \(domainKeys.status) \(domainKeys.status.meaning)"
    if domainKeys.qmailDKStatus != domainKeys.status {
      line += " (qmail-dk 0.6 ends with \(domainKeys.qmailDKStatus))"
    }
    if let domain = domainKeys.domain, let selector = domainKeys.selector {
      line += "; d=\(domain) s=\(selector)"
      if let canonicalization = domainKeys.canonicalization { line += " c=\(canonicalization)" }
    }
    if domainKeys.testing { line += "; key in testing mode (t=y)" }
    return line + ": " + domainKeys.reason
  }

  static func dkimLine(_ result: DKIMResult, number: Int) -> String {
    var line = "DKIM #\(number): \(result.verdict)"
    if let signature = result.signature {
      line += "; d=\(signature.domain) s=\(signature.selector) a=\(signature.algorithm.rawValue)"
      line += " c=\(signature.headerCanonicalization)/\(signature.bodyCanonicalization)"
    }
    if let bits = result.keyBits { line += "; \(bits)-bit key" }
    if result.isWeak { line += "; weak: rsa-sha1 is not acceptable under RFC 8301" }
    if result.testing { line += "; key in testing mode (t=y)" }
    if result.hasUnsignedBodyContent { line += "; body has content after l= (not signed)" }
    if result.keyRecordCount > 1, let used = result.keyUsed {
      line += "; \(result.keyRecordCount) TXT records at the key's name, key \(used) used"
    }
    return line
  }

  private func qmailDKLine() -> String {
    switch qmailDK.mode {
    case .verify(let letters):
      var line = "qmail-dk: DKVERIFY=\(letters) → \(decision)"
      if let reply = qmailDK.smtpReply { line += ": \(reply)" }
      return line
    case .sign, .passThrough:
      return "qmail-dk: \(qmailDK.mode), so it does not verify → accept"
    }
  }
}

/// What `test-verify` found for one message, the fields `test-verify --json` writes.
public struct VerifySummary: Sendable {
  /// The message's file name as given.
  public let path: String
  /// The DomainKeys status letter, such as `B`.
  public let dkStatus: String
  /// The status name, such as `DK_STAT_BADSIG`.
  public let dkStatusName: String
  /// The status qmail-dk 0.6 ends with (differs after an early syntax stop).
  public let qmailDkStatus: String
  /// The header qmail-dk adds when it accepts.
  public let domainKeyStatusHeader: String
  /// Why the DomainKeys status is what it is.
  public let dkReason: String
  /// One entry per DKIM-Signature: result word, reason, d=, s=, a=.
  public let dkim: [[String: String]]
  /// `accept`, `temporary reject` or `permanent reject`.
  public let decision: String
  /// The SMTP reply of a refusal.
  public let smtpReply: String?
  /// The signatures that did not verify (`domainkeys`, `dkim#N`), as in
  /// `VerifyReport.failedSignatures`.
  public let failedSignatures: [String]

  /// Whether a signature did not verify or qmail-dk would refuse the message.
  public var isNegative: Bool { decision != "accept" || !failedSignatures.isEmpty }

  /// The summary of `report` for the message at `path`.
  public init(_ report: VerifyReport, path: String) {
    self.path = path
    dkStatus = String(report.domainKeys.status.letter)
    dkStatusName = report.domainKeys.status.name
    qmailDkStatus = String(report.domainKeys.qmailDKStatus.letter)
    domainKeyStatusHeader = report.domainKeys.statusHeader
    dkReason = report.domainKeys.reason
    dkim = report.dkim.map { result in
      var entry = ["result": result.verdict.word, "detail": result.verdict.description]
      entry["d"] = result.signature?.domain
      entry["s"] = result.signature?.selector
      entry["a"] = result.signature?.algorithm.rawValue
      if result.isWeak { entry["weak"] = "rsa-sha1" }
      return entry
    }
    decision = report.decision.description
    smtpReply = report.qmailDK.smtpReply
    failedSignatures = report.failedSignatures
  }

  /// One row of `table(_:)`: a message's summary, or why it could not be checked.
  public enum Row: Sendable {
    /// The message was checked.
    case summary(VerifySummary)
    /// The message could not be read.
    case failed(path: String, reason: String)

    var path: String {
      switch self {
      case .summary(let summary): summary.path
      case .failed(let path, _): path
      }
    }
  }

  /// A table of messages, one row each, then the totals.
  public static func table(_ rows: [Row]) -> [String] {
    let width = max(7, rows.map(\.path.count).max() ?? 0)
    func pad(_ text: String, _ size: Int) -> String {
      text + String(repeating: " ", count: max(0, size - text.count))
    }
    var lines = [pad("MESSAGE", width) + "  DK  " + pad("DKIM", 20) + "  DECISION"]
    var summaries: [VerifySummary] = []
    for row in rows {
      switch row {
      case .summary(let summary):
        summaries.append(summary)
        let dkim = summary.dkim.map { $0["result"] ?? "?" }.joined(separator: ",")
        lines.append(
          pad(summary.path, width) + "  " + pad(summary.dkStatus, 2) + "  " + pad(dkim, 20)
            + "  " + summary.decision)
      case .failed(let path, let reason):
        lines.append(pad(path, width) + "  -   " + pad("-", 20) + "  error: " + reason)
      }
    }
    let rejected = summaries.filter { $0.decision != "accept" }.count
    let failing = summaries.filter { !$0.failedSignatures.isEmpty }.count
    var total =
      "\(rows.count) messages: \(summaries.count - rejected) accepted, \(rejected) rejected"
    if failing > 0 { total += ", \(failing) with a signature that did not verify" }
    if rows.count > summaries.count { total += ", \(rows.count - summaries.count) unreadable" }
    lines.append(total)
    return lines
  }
}
