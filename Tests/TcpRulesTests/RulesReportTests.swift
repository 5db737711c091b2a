import Testing

@testable import TcpRules

@Suite struct RulesReportTests {
  private static let text = """
    127.:allow,RELAYCLIENT="",DKSIGN="/k/%/private"
    10.0.0.1-4:allow
    10.0.0.9-5:deny
    :allow,DKVERIFY="DEG",DKQUEUE="/q"

    """

  private func report(cdb: [(key: [UInt8], data: [UInt8])]?) throws -> RulesReport {
    RulesReport(file: try RulesFile.parse(Array(Self.text.utf8), path: "t"), cdbRecords: cdb)
  }

  @Test func rowsDescribeEachRule() throws {
    let rows = try report(cdb: nil).rows
    #expect(rows.map(\.line) == [1, 2, 3, 4])
    #expect(rows.map(\.keyCount) == [1, 4, 0, 1])
    #expect(rows.map(\.flags) == ["RS", "-", "-", "VQ"])
    #expect(rows[0].signing == "/k/%/private")
    #expect(rows[3].verifying == "DEG")
  }

  @Test func cdbStateComparesRecordsExactly() throws {
    let file = try RulesFile.parse(Array(Self.text.utf8), path: "t")
    let records = file.records().map { (key: $0.key, data: $0.data) }
    #expect(try report(cdb: nil).cdbState == .missing)
    #expect(try report(cdb: records).cdbState == .current)
    #expect(try report(cdb: Array(records.dropLast())).cdbState == .stale)
    var changed = records
    changed[0].data = [0x44, 0]
    #expect(try report(cdb: changed).cdbState == .stale)
  }

  @Test func tableAlignsColumnsAndAdvises() throws {
    #expect(
      try report(cdb: nil).table == """
        LINE  ADDRESS     KEYS  ACTION  FLAGS  ENVIRONMENT
        1     127.        1     allow   RS     RELAYCLIENT= DKSIGN=/k/%/private
        2     10.0.0.1-4  4     allow   -
        3     10.0.0.9-5  0     deny    -
        4     (default)   1     allow   VQ     DKVERIFY=DEG DKQUEUE=/q

        tcp.smtp.cdb: missing: tcpserver refuses every connection; run 'toaster-dk rules compile'

        """)
  }
}
