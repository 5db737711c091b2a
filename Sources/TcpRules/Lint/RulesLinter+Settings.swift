extension RulesLinter {
  static let dkSign = Array("DKSIGN".utf8)
  static let dkQueue = Array("DKQUEUE".utf8)
  static let dkVerify = Array("DKVERIFY".utf8)

  /// Checks the settings: odd names, open relaying, and the qmail-dk variables of a toaster:
  /// DKSIGN paths, DKQUEUE loops, DKVERIFY letters.
  mutating func checkSettings(_ line: RuleLine) {
    for (assignment, offsets) in zip(line.rule.assignments, line.assignments) {
      if let focus, assignment.name != focus.name { continue }
      let column = offsets.value.lowerBound + 1
      checkName(line, assignment, column: offsets.comma + 2)
      switch assignment.name {
      case LineSelector.relayClient: checkRelay(line, column: offsets.comma + 2)
      case Self.dkSign: checkSign(line, assignment, column: column)
      case Self.dkQueue: checkQueue(line, assignment, column: column)
      case Self.dkVerify:
        for problem in options.dkVerifyProblems?(assignment.valueText) ?? [] {
          report(.warning, line.bytes, line.number, column: column, "DKVERIFY: \(problem)")
        }
      default: continue
      }
    }
    let modeNames = [Self.dkSign, Self.dkVerify, LineSelector.relayClient]
    if focus.map({ modeNames.contains($0.name) }) ?? true { checkSigningMode(line) }
  }

  private mutating func checkSign(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    do {
      let template = try DKSignTemplate(setting.valueText)
      if !template.isPerDomain {
        report(
          .warning, line.bytes, line.number, column: column,
          "DKSIGN has no %: every domain is signed with this one key",
          hint:
            "qmail-dk replaces % with the sender's domain, e.g. \(DKSignTemplate.toasterDefault)")
      }
      if !template.text.hasPrefix("/") {
        report(
          .warning, line.bytes, line.number, column: column,
          "DKSIGN is not an absolute path: qmail-dk would look for the key relative to "
            + "whatever directory it runs in",
          hint: "use a full path such as \(DKSignTemplate.toasterDefault)")
      }
      for problem in options.signingKeyProblems?(template.text) ?? [] {
        report(
          .warning, line.bytes, line.number, column: column, "DKSIGN: \(problem)",
          hint: "rename the key (and its .txt) or set the selector with its exact case")
      }
    } catch .invalidValue(_, let reason) {
      report(.warning, line.bytes, line.number, column: column, "DKSIGN: \(reason)")
    } catch {
      report(.warning, line.bytes, line.number, column: column, "DKSIGN: \(error)")
    }
    if line.rule.instruction == .allow, !line.rule.sets(LineSelector.relayClient) {
      report(
        .note, line.bytes, line.number, column: column,
        "qmail-dk signs only when RELAYCLIENT is set, so DKSIGN here applies only to relaying "
          + "(authenticated) senders")
    }
  }

  private mutating func checkQueue(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    for problem in options.queueProgramProblems?(setting.valueText) ?? [] {
      report(
        problem.kind == .loop ? .error : .warning, line.bytes, line.number, column: column,
        "DKQUEUE: \(problem.message)", hint: problem.hint)
    }
  }
}

extension RulesLinter {
  private mutating func checkName(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    let problem: String? =
      if setting.name.isEmpty {
        "setting has an empty variable name"
      } else if setting.name.contains(LineScanner.comma) {
        "variable name \(setting.nameText) contains a comma: a setting is probably missing its ="
      } else if setting.name.contains(where: { $0 == 0x20 || $0 == 0x09 }) {
        "variable name '\(setting.nameText)' contains a space, so it is not the variable meant"
      } else {
        nil
      }
    guard let problem else { return }
    report(.warning, line.bytes, line.number, column: column, problem)
  }

  private mutating func checkRelay(_ line: RuleLine, column: Int) {
    guard line.rule.instruction == .allow, line.rule.address.bytes.isEmpty else { return }
    report(
      .error, line.bytes, line.number, column: column,
      "RELAYCLIENT on the default rule makes this server an open relay",
      hint: "set RELAYCLIENT only on rules for your own networks, such as 127.")
  }

  /// Notes where qmail-dk 0.6 ignores a variable, because it signs only with RELAYCLIENT
  /// and then verifies instead when DKVERIFY is set without DKSIGN.
  mutating func checkSigningMode(_ line: RuleLine) {
    let rule = line.rule
    guard rule.instruction == .allow, rule.sets(Self.dkVerify), rule.sets(LineSelector.relayClient)
    else { return }
    if rule.sets(Self.dkSign) {
      report(
        .warning, line.bytes, line.number, column: 1,
        "DKVERIFY does nothing here: qmail-dk ignores it on a rule that sets RELAYCLIENT and "
          + "DKSIGN, and signs",
        hint: "verification applies to rules without RELAYCLIENT (mail from the world)")
    } else {
      report(
        .warning, line.bytes, line.number, column: 1,
        "relayed mail is verified, not signed: with RELAYCLIENT and DKVERIFY but no DKSIGN, "
          + "qmail-dk verifies",
        hint: "add DKSIGN=\"/var/qmail/control/domainkeys/%/private\" to sign relayed mail")
    }
  }
}
