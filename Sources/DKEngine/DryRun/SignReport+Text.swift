extension SignReport {
  /// What happened, as notes for standard error.
  public func lines() -> [String] {
    var lines: [String] = []
    switch outcome {
    case .signed:
      for key in keys {
        let source = key.path.isEmpty ? "the given key" : key.path
        lines.append(
          "signed d=\(key.domain) s=\(key.selector) with \(source) "
            + "(\(key.key.algorithm.rawValue) \(key.key.bits) bits)")
      }
    case .unsigned(let path):
      lines.append(
        "qmail-dk would queue the message unsigned: no key file \(path) (template has %)")
    case .rejected(let text, let reply):
      lines.append("qmail-dk would reject the message: \(reply)")
      lines.append("  (it writes \"\(text)\" to fd 4 and exits 82)")
    case .verifiesInstead(let letters):
      lines.append(
        "qmail-dk would verify, not sign, for this client (DKVERIFY=\(letters) and no DKSIGN)")
    }
    if let keyProblem { lines.append("  (\(keyProblem))") }
    if let selfCheck { lines += Self.checkLines(selfCheck, prefix: "self-check") }
    if let publishedCheck {
      lines += Self.checkLines(publishedCheck, prefix: "self-check against DNS")
    }
    return lines
  }

  private static func checkLines(_ check: VerifyReport, prefix: String) -> [String] {
    var lines = ["\(prefix): DomainKeys \(check.domainKeys.status): \(check.domainKeys.reason)"]
    for (number, result) in check.dkim.enumerated() where result.verdict != .none {
      lines.append("\(prefix): " + VerifyReport.dkimLine(result, number: number + 1))
    }
    if !check.failedSignatures.isEmpty {
      lines.append(
        "\(prefix) failed: \(check.failedSignatures.joined(separator: ", ")) did not verify")
    }
    return lines
  }

  /// Whether qmail-dk would refuse the message.
  public var isRejected: Bool {
    if case .rejected = outcome { return true }
    return false
  }

  /// The signatures made that the self-check could not verify (`domainkeys`, `dkim#N`);
  /// empty when it was not run.
  public var selfCheckFailures: [String] { selfCheck?.failedSignatures ?? [] }

  /// The signatures the check against the published records could not verify; empty when
  /// it was not run.
  public var publishedCheckFailures: [String] { publishedCheck?.failedSignatures ?? [] }

  /// Whether the answer is negative: qmail-dk would refuse the message or a self-check
  /// failed (what `test-sign` exits 1 for).
  public var isNegative: Bool {
    isRejected || !selfCheckFailures.isEmpty || !publishedCheckFailures.isEmpty
  }
}
