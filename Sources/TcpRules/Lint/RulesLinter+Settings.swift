import QmailDKConfig

extension RulesLinter {
  static let dkSign = Array(QmailDKRules.dkSign.utf8)
  static let dkQueue = Array(QmailDKRules.dkQueue.utf8)
  static let dkVerify = Array(QmailDKRules.dkVerify.utf8)
  static let dkSignEd25519 = Array(QmailDKRules.dkSignEd25519.utf8)
  static let dkKeyFail = Array(QmailDKRules.dkKeyFail.utf8)
  static let dkimSign = Array(QmailDKRules.dkimSign.utf8)

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
      case Self.dkSignEd25519: checkEd25519(line, assignment, column: column)
      case Self.dkKeyFail, Self.dkimSign: checkFilterSetting(line, assignment, column: column)
      default: continue
      }
    }
    let modeNames = [Self.dkSign, Self.dkVerify, LineSelector.relayClient]
    if focus.map({ modeNames.contains($0.name) }) ?? true { checkSigningMode(line) }
  }

  private mutating func checkSign(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    checkTemplate(line, setting, column: column, name: QmailDKRules.dkSign)
    if line.rule.instruction == .allow, !line.rule.sets(LineSelector.relayClient) {
      report(
        .note, line.bytes, line.number, column: column,
        "qmail-dk signs only when RELAYCLIENT is set, so DKSIGN here applies only to relaying "
          + "(authenticated) senders")
    }
  }

  // DKSIGN and DKSIGN_ED25519: the template form, and the key files' names on this system.
  private mutating func checkTemplate(
    _ line: RuleLine, _ setting: EnvAssignment, column: Int, name: String
  ) {
    do {
      let template = try DKSignTemplate(setting.valueText, variable: name)
      if !template.isPerDomain {
        report(
          .warning, line.bytes, line.number, column: column,
          "\(name) has no %: every domain is signed with this one key",
          hint:
            "qmail-dk replaces % with the sender's domain, e.g. \(DKSignTemplate.toasterDefault)")
      }
      if !template.text.hasPrefix("/") {
        report(
          .warning, line.bytes, line.number, column: column,
          "\(name) is not an absolute path: "
            + (name == QmailDKRules.dkSign ? "qmail-dk" : "toaster-dk-queue")
            + " would look for the key relative to whatever directory it runs in",
          hint: "use a full path such as \(DKSignTemplate.toasterDefault)")
      }
      for problem in options.signingKeyProblems?(template.text) ?? [] {
        report(
          .warning, line.bytes, line.number, column: column, "\(name): \(problem)",
          hint: "rename the key (and its .txt) or set the selector with its exact case")
      }
    } catch .invalidValue(_, let reason) {
      report(.warning, line.bytes, line.number, column: column, "\(name): \(reason)")
    } catch {
      report(.warning, line.bytes, line.number, column: column, "\(name): \(error)")
    }
  }

  private mutating func checkEd25519(_ line: RuleLine, _ setting: EnvAssignment, column: Int) {
    checkTemplate(line, setting, column: column, name: QmailDKRules.dkSignEd25519)
    let selector = QmailDKRules.selector(ofTemplate: setting.valueText)
    let signs = line.rule.assignments.first { $0.name == Self.dkSign }
    if let signs, QmailDKRules.selector(ofTemplate: signs.valueText) == selector {
      report(
        .error, line.bytes, line.number, column: column,
        "DKSIGN_ED25519 has DKSIGN's selector \(selector): the RSA and the Ed25519 record "
          + "cannot share one DNS name",
        hint: "give the Ed25519 key its own selector, e.g. toaster-dk rules set-sign "
          + "--ed25519-selector ed1")
    }
    if line.rule.instruction == .allow, !line.rule.sets(LineSelector.relayClient) {
      report(
        .note, line.bytes, line.number, column: column,
        "toaster-dk-queue signs only when RELAYCLIENT is set, so DKSIGN_ED25519 here applies "
          + "only to relaying (authenticated) senders")
    }
  }

  private mutating func checkFilterSetting(
    _ line: RuleLine, _ setting: EnvAssignment, column: Int
  ) {
    let value = setting.valueText
    let problem =
      setting.name == Self.dkKeyFail
      ? (QmailDKRules.keyFailure(value) == nil
        ? "DKKEYFAIL=\"\(value)\" is neither defer nor bounce: toaster-dk-queue defers" : nil)
      : QmailDKRules.dkimSignProblem(value)
    guard let problem else { return }
    report(.warning, line.bytes, line.number, column: column, problem)
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
