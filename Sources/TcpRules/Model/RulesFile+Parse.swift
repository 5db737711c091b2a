extension RulesFile {
  /// Parses `bytes` exactly as tcprules does, keeping every line.
  ///
  /// Unlike tcprules, which stops at the first bad line, every rejected line is reported.
  /// `path` is only used in diagnostics.
  /// - Throws: `TcpRulesError.syntax` with a located diagnostic per rejected line.
  public static func parse(_ bytes: [UInt8], path: String) throws(TcpRulesError) -> RulesFile {
    var lines: [RulesLine] = []
    var collector = DiagnosticCollector(path: path)
    var assignments: [ScannedAssignment] = []
    bytes.withUnsafeBufferPointer { buffer in
      LineScanner.forEachLine(in: buffer) { line, number, hasNewline in
        assignments.removeAll(keepingCapacity: true)
        switch LineScanner.scan(line, assignments: &assignments) {
        case .invalid(let problem):
          collector.add(problem, line: line, number: number)
        case let scan:
          let kind = lineKind(scan, line: line, assignments: assignments)
          lines.append(
            RulesLine(number: number, bytes: Array(line), hasNewline: hasNewline, kind: kind))
        }
      }
    }
    if let error = collector.error { throw error }
    return RulesFile(lines: lines)
  }

  static func lineKind(
    _ scan: LineScan, line: UnsafeBufferPointer<UInt8>, assignments: [ScannedAssignment]
  ) -> RulesLine.Kind {
    switch scan {
    case .comment: return .comment
    case .blank: return .blank
    case .ignored, .invalid: return .ignored
    case .rule(let scanned):
      let settings = assignments.map {
        EnvAssignment(
          name: Array(line[$0.name]), value: Array(line[$0.value]), quote: line[$0.quote])
      }
      let rule = Rule(
        address: Address(Array(line[..<scanned.colon])), instruction: scanned.instruction,
        assignments: settings)
      return .rule(rule)
    }
  }
}
