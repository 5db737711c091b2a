import DKEngine
public import ToasterSupport

extension HealthReport {
  /// The report for people: domains and keys, tcp.smtp, the mail path, the rotation, then
  /// every problem with its fix.
  public var text: String {
    var rows = [["DOMAIN", "SELECTOR", "KEY", "AGE", "SIGNS", "DMARC", "RECORD"]]
    for domain in domains {
      if let real = domain.aliasOf {
        rows.append([domain.name, "(alias of \(real))"])
        continue
      }
      if domain.keys.isEmpty { rows.append([domain.name, "(no keys)"]) }
      for key in domain.keys {
        rows.append([
          domain.name, key.selector, key.spec, key.ageDays.map { "\($0)d" } ?? "-",
          key.signs ? "yes" : "no", domain.dmarc ?? "-", key.record ?? "-",
        ])
      }
    }
    var lines = TextTable.lines(rows)
    lines.append("")
    if let rules {
      for row in rules.rows {
        var facts: [String] = []
        if let template = row.signing { facts.append("signs with \(template)") }
        if let letters = row.verifying { facts.append("verifies, rejecting on \(letters)") }
        if !facts.isEmpty {
          lines.append("tcp.smtp:\(row.line) \(row.address): " + facts.joined(separator: "; "))
        }
        // What each DKVERIFY letter makes qmail-dk do, as rules set-verify explains them.
        if let letters = row.verifying, let policy = try? DKVerifyPolicy(letters: letters) {
          lines += policy.explanation().map { "  " + $0 }
        }
      }
      lines.append("tcp.smtp.cdb: \(rules.cdbState.rawValue)")
    }
    lines.append("qmail-queue: \(queue.state.rawValue) (\(queue.target ?? "not a link"))")
    lines.append(remote.lines.first ?? "qmail-remote: \(remote.state.rawValue)")
    lines.append("bounces and local mail signed: \(unsignedMail)")
    if let rotation {
      lines.append(
        "rotation: \(rotation.old) -> \(rotation.new), \(rotation.phase.rawValue) "
          + "(see toaster-dk rotate status)")
    }
    lines.append("")
    if !problems.contains(where: { $0.severity != .warning }) { lines.append("all good") }
    for problem in problems { lines.append("\(problem.severity.rawValue): \(problem.text)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as JSON.
  public var json: JSONValue {
    .object([
      (
        "domains",
        .array(
          domains.map { domain in
            .object([
              ("domain", .string(domain.name)),
              ("alias_of", .string(orNull: domain.aliasOf)),
              ("dmarc", .string(orNull: domain.dmarc)),
              (
                "keys",
                .array(
                  domain.keys.map { key in
                    .object([
                      ("selector", .string(key.selector)), ("key", .string(key.spec)),
                      ("age_days", key.ageDays.map(JSONValue.int) ?? .null),
                      ("signs", .bool(key.signs)),
                      ("record", .string(orNull: key.record)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("signing_selectors", .array(signingSelectors.map(JSONValue.string))),
      ("cdb", .string(orNull: rules?.cdbState.rawValue)),
      ("qmail_queue", .string(queue.state.rawValue)),
      ("qmail_remote", .string(remote.state.rawValue)),
      ("bounces_and_local_mail_signed", .string(unsignedMail)),
      ("rotation", rotation?.json ?? .null),
      (
        "problems",
        .array(
          problems.map {
            .object([("severity", .string($0.severity.rawValue)), ("text", .string($0.text))])
          })
      ),
      ("exit_status", .int(Int(exitStatus))),
    ])
  }
}
