/// A summary of tcp.smtp for `rules show`: one row per rule, plus whether the cdb is current.
public struct RulesReport: Equatable, Sendable {
  /// Whether tcp.smtp.cdb holds what tcp.smtp compiles to.
  public enum CDBState: String, Equatable, Sendable {
    /// The cdb holds exactly the records tcp.smtp compiles to.
    case current
    /// The cdb differs: tcpserver is not using what tcp.smtp says.
    case stale
    /// There is no cdb: tcpserver (without -X) refuses every connection.
    case missing
  }

  /// One rule of tcp.smtp.
  public struct Row: Equatable, Sendable {
    /// The 1-based line number in tcp.smtp.
    public let line: Int
    /// The address exactly as written (empty for the default rule).
    public let address: String
    /// How many cdb keys the address produces (more than one for a range, zero for an
    /// empty range).
    public let keyCount: Int
    /// allow or deny.
    public let instruction: Instruction
    /// The settings in line order, as NAME and VALUE.
    public let environment: [(name: String, value: String)]

    /// True when the rule sets RELAYCLIENT: mail from here is relayed and, with DKSIGN,
    /// signed by qmail-dk.
    public var relays: Bool { environment.contains { $0.name == "RELAYCLIENT" } }
    /// The DKSIGN template, if set (the last setting wins, as in tcpserver).
    public var signing: String? { environment.last { $0.name == "DKSIGN" }?.value }
    /// The DKVERIFY letters, if set.
    public var verifying: String? { environment.last { $0.name == "DKVERIFY" }?.value }

    public static func == (lhs: Row, rhs: Row) -> Bool {
      lhs.line == rhs.line && lhs.address == rhs.address && lhs.keyCount == rhs.keyCount
        && lhs.instruction == rhs.instruction
        && lhs.environment.map { [$0.name, $0.value] }
          == rhs.environment.map { [$0.name, $0.value] }
    }
  }

  /// The rules in file order.
  public let rows: [Row]
  /// The state of the compiled cdb.
  public let cdbState: CDBState

  /// Builds the report from a parsed file and the records found in its cdb (nil if absent).
  public init(file: RulesFile, cdbRecords: [(key: [UInt8], data: [UInt8])]?) {
    rows = file.rules.map { entry in
      Row(
        line: entry.line, address: entry.rule.address.description,
        keyCount: entry.rule.address.keys.count, instruction: entry.rule.instruction,
        environment: entry.rule.assignments.map { ($0.nameText, $0.valueText) })
    }
    guard let cdbRecords else {
      cdbState = .missing
      return
    }
    let expected = file.records()
    let same =
      expected.count == cdbRecords.count
      && zip(expected, cdbRecords).allSatisfy { $0.key == $1.key && $0.data == $1.data }
    cdbState = same ? .current : .stale
  }
}
