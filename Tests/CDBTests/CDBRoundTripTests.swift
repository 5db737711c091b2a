import CDB
import Foundation
import TestSupport
import Testing
import ToasterSupport

private struct AbortWrite: Error {}

@Suite struct CDBRoundTripTests {
  private let sample: [CDBRecord] = [
    CDBRecord(key: Array("127.".utf8), data: Array("+RELAYCLIENT=\0".utf8)),
    CDBRecord(key: Array("1.2.3.4".utf8), data: [0x44, 0]),
    CDBRecord(key: Array("1.2.3.4".utf8), data: Array("+SECOND=1\0".utf8)),
    CDBRecord(key: [], data: []),
  ]

  private func write(_ records: [CDBRecord], in tmp: TempDirectory) throws {
    let directory = try Directory(path: tmp.path)
    try CDBFile.write(named: "t.cdb", in: directory, permissions: FilePermissions(mode: 0o644)) {
      writer in
      for record in records { try writer.add(key: record.key, data: record.data) }
    }
  }

  @Test func recordsComeBackInOrderWithDuplicates() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try write(sample, in: tmp)
    let reader = try CDBReader(path: tmp.join("t.cdb"))
    #expect(try reader.allRecords() == sample)
    #expect(try reader.first(key: Array("1.2.3.4".utf8)) == [0x44, 0])
    #expect(try reader.first(key: []) == [])
    #expect(try reader.first(key: Array("9.9.9.9".utf8)) == nil)
  }

  @Test func emptyDatabaseIsExactly2048Bytes() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try write([], in: tmp)
    let bytes = try tmp.read("t.cdb")
    #expect(bytes.count == 2048)
    // Every table position is the end of the (empty) record area, every count zero.
    for table in 0..<256 {
      let position = bytes[table * 8..<table * 8 + 4].enumerated().reduce(0) {
        $0 | Int($1.element) << (8 * $1.offset)
      }
      #expect(position == 2048)
    }
  }

  @Test func failedWriteKeepsOldDatabaseAndLeavesNoTemp() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try write(sample, in: tmp)
    let before = try tmp.read("t.cdb")
    let directory = try Directory(path: tmp.path)
    #expect(throws: AbortWrite.self) {
      try CDBFile.write(named: "t.cdb", in: directory, permissions: FilePermissions(mode: 0o644)) {
        writer in
        try writer.add(key: Array("x".utf8), data: [])
        throw AbortWrite()
      }
    }
    #expect(try tmp.read("t.cdb") == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["t.cdb"])
  }

  @Test func truncatedFileIsReportedAsMalformed() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write([UInt8](repeating: 0, count: 100), to: "short.cdb")
    #expect(throws: CDBError.self) { try CDBReader(path: tmp.join("short.cdb")) }
  }

  @Test func missingFileNamesThePath() throws {
    let error = #expect(throws: CDBError.self) { try CDBReader(path: "/nonexistent/x.cdb") }
    #expect(error?.description == "unable to open /nonexistent/x.cdb: no such file or directory")
  }

  @Test(.enabled(if: RealBinary.find("cdb") != nil, "tinycdb's cdb tool is not installed"))
  func bytesMatchTinycdbCommandLine() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try write(sample, in: tmp)
    var dump: [UInt8] = []
    for record in sample {
      dump += Array("+\(record.key.count),\(record.data.count):".utf8) + record.key
      dump += Array("->".utf8) + record.data + [0x0A]
    }
    dump.append(0x0A)
    let cdb = try #require(RealBinary.find("cdb"))
    let made = try ProcessRunner.run(cdb, ["-c", tmp.join("ref.cdb")], stdin: dump)
    #expect(made.status == 0, "\(made)")
    #expect(try tmp.read("ref.cdb") == tmp.read("t.cdb"))
    let dumped = try ProcessRunner.run(cdb, ["-d", tmp.join("t.cdb")])
    #expect(dumped.stdout == dump)
  }
}
