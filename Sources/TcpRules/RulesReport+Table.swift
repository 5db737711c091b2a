extension RulesReport.Row {
  /// The FLAGS column: R relays, S signs, V verifies, Q sets DKQUEUE; `-` for none.
  public var flags: String {
    let flags = [
      relays ? "R" : "", signing != nil ? "S" : "", verifying != nil ? "V" : "",
      environment.contains { $0.name == "DKQUEUE" } ? "Q" : "",
    ].joined()
    return flags.isEmpty ? "-" : flags
  }
}

extension RulesReport {
  /// The report as the text table `rules show` prints, columns aligned, followed by the
  /// state of the cdb and what to do about it.
  public var table: String {
    var rows = [["LINE", "ADDRESS", "KEYS", "ACTION", "FLAGS", "ENVIRONMENT"]]
    for row in self.rows {
      rows.append([
        String(row.line), row.address.isEmpty ? "(default)" : row.address, String(row.keyCount),
        row.instruction.rawValue, row.flags,
        row.environment.map { "\($0.name)=\($0.value)" }.joined(separator: " "),
      ])
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = ""
    for row in rows {
      var line =
        (0..<5).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }
        .joined(separator: "  ") + "  " + row[5]
      while line.last == " " { line.removeLast() }
      text += line + "\n"
    }
    return text + "\ntcp.smtp.cdb: " + cdbAdvice + "\n"
  }

  private var cdbAdvice: String {
    switch cdbState {
    case .current: return "current"
    case .stale:
      return "stale: tcpserver is not using these rules; run 'toaster-dk rules compile'"
    case .missing:
      return "missing: tcpserver refuses every connection; run 'toaster-dk rules compile'"
    }
  }
}
