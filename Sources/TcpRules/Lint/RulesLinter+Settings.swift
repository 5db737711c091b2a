extension RulesLinter {
  private static let dkSign = Array("DKSIGN".utf8)
  private static let dkQueue = Array("DKQUEUE".utf8)
  private static let dkVerify = Array("DKVERIFY".utf8)

  /// Checks the qmail-dk settings (spec §8): DKSIGN paths, DKQUEUE loops, DKVERIFY letters.
  mutating func checkSettings(_ line: RuleLine) {
    for (assignment, offsets) in zip(line.rule.assignments, line.assignments) {
      let column = offsets.value.lowerBound + 1
      switch assignment.name {
      case Self.dkSign: checkSign(line, assignment, column: column)
      case Self.dkQueue: checkQueue(line, assignment, column: column)
      case Self.dkVerify:
        for problem in options.dkVerifyProblems?(assignment.valueText) ?? [] {
          report(.warning, line.bytes, line.number, column: column, "DKVERIFY: \(problem)")
        }
      default: continue
      }
    }
  }

  private mutating func checkSign(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    let percent = UInt8(ascii: "%")
    let lastComponent = setting.value.split(separator: UInt8(ascii: "/")).last ?? []
    if !setting.value.contains(percent) {
      report(
        .warning, line.bytes, line.number, column: column,
        "DKSIGN has no %: every domain is signed with this one key",
        hint:
          "qmail-dk replaces % with the sender's domain, e.g. /var/qmail/control/domainkeys/%/private"
      )
    } else if lastComponent.contains(percent) {
      report(
        .warning, line.bytes, line.number, column: column,
        "DKSIGN has % in its file name: the selector (the key file's name) would be the domain",
        hint: "put % in a directory: /var/qmail/control/domainkeys/%/private")
    }
    if line.rule.instruction == .allow, !line.rule.sets(LineSelector.relayClient) {
      report(
        .note, line.bytes, line.number, column: column,
        "qmail-dk signs only when RELAYCLIENT is set, so DKSIGN here applies only to relaying "
          + "(authenticated) senders")
    }
  }

  private mutating func checkQueue(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    // On a QmailToaster bin/qmail-queue is qmail-dk; relative paths resolve in /var/qmail.
    let path = setting.valueText
    let isQmailQueue =
      path.split(separator: "/").last == "qmail-queue"
      && (path.hasPrefix("/var/qmail/") || !path.hasPrefix("/"))
    guard isQmailQueue else { return }
    report(
      .error, line.bytes, line.number, column: column,
      "DKQUEUE points at qmail-queue, which is qmail-dk itself on a QmailToaster: mail would loop",
      hint: "use the real queue: DKQUEUE=\"/var/qmail/bin/qmail-queue.orig\"")
  }
}
