extension RulesFile {
  /// Sets variable `name` to `value` on the selected allow rules.
  ///
  /// An existing setting of the name is changed in place with its own quote byte (all of
  /// them, if it appears more than once); otherwise `,NAME="value"` is appended to the rule.
  /// Other lines, and other bytes of edited lines, stay as they were. Nothing changes when
  /// any line cannot take the edit.
  /// - Throws: `TcpRulesError.invalidName`, `.invalidValue` (LF, NUL, or the quote byte in
  ///   the value), `.unknownAddress`, `.noMatchingRules`, or `.wouldNotParse`.
  @discardableResult
  public mutating func set(_ name: String, to value: String, on selector: LineSelector)
    throws(TcpRulesError) -> EditSummary
  {
    let nameBytes = try Self.validatedName(name)
    let valueBytes = Array(value.utf8)
    if let bad = valueBytes.first(where: { $0 == LineScanner.newline || $0 == 0 }) {
      throw .invalidValue(name: name, reason: bad == 0 ? "contains NUL" : "contains a newline")
    }
    return try edit(on: selector) { (rule, number) throws(TcpRulesError) in
      var rule = rule
      let existing = rule.assignments.indices.filter { rule.assignments[$0].name == nameBytes }
      for index in existing { rule.assignments[index].value = valueBytes }
      if existing.isEmpty {
        rule.assignments.append(EnvAssignment(name: nameBytes, value: valueBytes))
      }
      for assignment in rule.assignments where assignment.name == nameBytes {
        if valueBytes.contains(assignment.quote) {
          let quote = String(decoding: [assignment.quote], as: UTF8.self)
          throw .invalidValue(
            name: name,
            reason: "contains its quote byte \(quote) (line \(number)); tcprules has no escapes")
        }
      }
      return rule
    }
  }

  /// Sets each `(name, value)` of `settings` in turn on the selected allow rules, as `set`
  /// does: one edit, all or nothing.
  ///
  /// - Throws: what `set` throws for the first setting that fails; nothing changes then.
  @discardableResult
  public mutating func set(_ settings: [(String, String)], on selector: LineSelector)
    throws(TcpRulesError) -> EditSummary
  {
    var copy = self
    var changed: Set<Int> = []
    var last = EditSummary(changedLines: [], unchangedLines: [], skippedDenyLines: [])
    for (name, value) in settings {
      last = try copy.set(name, to: value, on: selector)
      changed.formUnion(last.changedLines)
    }
    self = copy
    return EditSummary(
      changedLines: changed.sorted(),
      unchangedLines: last.unchangedLines.filter {
        !changed.contains($0)
      }, skippedDenyLines: last.skippedDenyLines)
  }

  /// Removes every setting of variable `name` (with the comma before it) from the selected
  /// allow rules.
  ///
  /// RELAYCLIENT is removed only with `force`: without it the rule's clients can no longer
  /// relay, and qmail-dk signs only relayed mail.
  /// - Throws: `TcpRulesError.refused` (RELAYCLIENT without `force`), `.invalidName`,
  ///   `.unknownAddress`, `.noMatchingRules`, or `.wouldNotParse`.
  @discardableResult
  public mutating func unset(_ name: String, on selector: LineSelector, force: Bool = false)
    throws(TcpRulesError) -> EditSummary
  {
    let nameBytes = try Self.validatedName(name)
    if nameBytes == LineSelector.relayClient, !force {
      throw .refused(
        action: "unset RELAYCLIENT",
        reason: "those clients could no longer relay, and qmail-dk signs only relayed mail "
          + "(pass --force if you mean it)")
    }
    return try edit(on: selector) { (rule, _) throws(TcpRulesError) in
      var rule = rule
      rule.assignments.removeAll { $0.name == nameBytes }
      return rule
    }
  }

  /// Applies `change` to every selected allow rule, all or nothing.
  private mutating func edit(
    on selector: LineSelector, _ change: (Rule, Int) throws(TcpRulesError) -> Rule
  ) throws(TcpRulesError) -> EditSummary {
    try checkAddressesExist(selector)
    var edited = lines
    var summary = EditSummary(changedLines: [], unchangedLines: [], skippedDenyLines: [])
    for (index, line) in lines.enumerated() {
      guard let rule = line.rule, selector.selects(rule) else { continue }
      guard rule.instruction == .allow else {
        summary.skippedDenyLines.append(line.number)
        continue
      }
      let newRule = try change(rule, line.number)
      guard newRule != rule else {
        summary.unchangedLines.append(line.number)
        continue
      }
      let newLine = line.replacingRule(with: newRule)
      try Self.verify(newLine)
      edited[index] = newLine
      summary.changedLines.append(line.number)
    }
    if summary.changedLines.isEmpty && summary.unchangedLines.isEmpty {
      throw .noMatchingRules(selector.description)
    }
    lines = edited
    return summary
  }

  private func checkAddressesExist(_ selector: LineSelector) throws(TcpRulesError) {
    guard case .addresses(let addresses) = selector else { return }
    let known = Set(lines.compactMap { $0.rule?.address })
    if let missing = addresses.first(where: { !known.contains($0) }) {
      throw .unknownAddress(missing.description)
    }
  }

  /// Checks that tcprules reads the edited line back as the intended rule (a value quoted
  /// with a space that ends up last on the line would lose its closing quote, for one).
  private static func verify(_ line: RulesLine) throws(TcpRulesError) {
    var assignments: [ScannedAssignment] = []
    let reparsed = line.bytes.withUnsafeBufferPointer { buffer -> RulesLine.Kind? in
      let scan = LineScanner.scan(buffer, assignments: &assignments)
      if case .invalid = scan { return nil }
      return RulesFile.lineKind(scan, line: buffer, assignments: assignments)
    }
    guard reparsed == line.kind else { throw .wouldNotParse(line: line.number) }
  }

  private static func validatedName(_ name: String) throws(TcpRulesError) -> [UInt8] {
    let bytes = Array(name.utf8)
    let reason: String? =
      if bytes.isEmpty {
        "is empty"
      } else if bytes.contains(LineScanner.equals) {
        "contains ="
      } else if bytes.contains(LineScanner.comma) {
        "contains a comma"
      } else if bytes.contains(LineScanner.newline) {
        "contains a newline"
      } else if bytes.contains(0) {
        "contains NUL"
      } else {
        nil
      }
    if let reason { throw .invalidName(name, reason: reason) }
    return bytes
  }
}

extension RulesFile {
  /// Replaces selector `old` by `new` in every DKSIGN template of the allow rules whose
  /// selector (last component) is exactly `old`, keeping the rest of each template.
  ///
  /// This is the whole of a key rotation's switch in tcp.smtp: qmail-dk takes the selector
  /// from the template's last component, so one edit moves every domain of a rule at once.
  /// - Throws: `TcpRulesError.invalidValue` when `new` is not a plain name,
  ///   `.noMatchingRules` when no allow rule sets DKSIGN, or `.wouldNotParse`.
  @discardableResult
  public mutating func replaceSignSelector(_ old: String, with new: String)
    throws(TcpRulesError) -> EditSummary
  {
    let name = Array("DKSIGN".utf8)
    guard rules.contains(where: { $0.rule.sets(name) }) else {
      throw .noMatchingRules("allow rules setting DKSIGN")
    }
    return try edit(on: .allowRules) { (rule, _) throws(TcpRulesError) in
      var rule = rule
      for index in rule.assignments.indices where rule.assignments[index].name == name {
        guard let template = try? DKSignTemplate(rule.assignments[index].valueText),
          template.selector == old
        else { continue }
        rule.assignments[index].value = Array(try template.replacingSelector(with: new).text.utf8)
      }
      return rule
    }
  }
}
