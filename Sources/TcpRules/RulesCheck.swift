import CDB

/// What `rules check` found for one connection: tcprulescheck's answer from the cdb, plus
/// which tcp.smtp line produced it and whether the cdb is current.
public struct RulesCheck: Equatable, Sendable {
  /// The cdb lookup result.
  public let lookup: RulesLookup
  /// The tcp.smtp line that makes the matched record, when tcp.smtp parses and still has it.
  public let line: Int?
  /// Whether the cdb holds what tcp.smtp compiles to (nil when tcp.smtp does not parse).
  public let cdbState: RulesReport.CDBState?
}

extension RulesStore {
  /// Looks `connection` up in the compiled cdb, as tcpserver and tcprulescheck do.
  ///
  /// - Throws: `CDBError` when the cdb is missing or unreadable (tcpserver would then drop
  ///   the connection).
  public func check(_ connection: Connection) throws -> RulesCheck {
    let reader = try CDBReader(path: cdbPath)
    let lookup = try RulesLookup.find(connection) { try reader.first(key: $0) }
    guard let file = try? RulesFile.parse(readRules(), path: rulesPath) else {
      return RulesCheck(lookup: lookup, line: nil, cdbState: nil)
    }
    let report = RulesReport(file: file, cdbRecords: try cdbRecords())
    // Only a rule that still makes the same record explains the answer; after an
    // uncompiled edit the first rule with that key may say something else.
    let line = lookup.key.flatMap { key in
      file.records().first { $0.key == key && $0.data == lookup.data }?.line
    }
    return RulesCheck(lookup: lookup, line: line, cdbState: report.cdbState)
  }
}
