import Testing
import ToasterSupport

@testable import TcpRules

@Suite struct RulesCompilerTests {
  /// Compiles `bytes` fed in chunks of `chunkSize`, collecting every emitted record.
  private func compile(_ bytes: [UInt8], chunkSize: Int, path: String = "t") throws
    -> [RuleRecord]
  {
    var records: [RuleRecord] = []
    let emit: RulesCompiler.Emit = { key, data, line in
      records.append(RuleRecord(key: Array(key), data: Array(data), line: line))
    }
    var compiler = RulesCompiler(path: path)
    try bytes.withUnsafeBytes { all in
      var start = 0
      while start < all.count {
        let end = min(start + chunkSize, all.count)
        try compiler.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), emit: emit)
        start = end
      }
    }
    try compiler.finish(emit: emit)
    return records
  }

  @Test(arguments: Fixture.names("accepted"))
  func streamingMatchesTheModelAndRealTcprules(name: String) throws {
    let bytes = try Fixture.bytes("accepted", name)
    let expected = try RulesFile.parse(bytes, path: name).records()
    for chunkSize in [1, 2, 3, 7, 64, 65536] {
      let records = try compile(bytes, chunkSize: chunkSize)
      #expect(records == expected, "chunk size \(chunkSize)")
    }
    let dump = Fixture.dump(try compile(bytes, chunkSize: 5).map { ($0.key, $0.data) })
    #expect(dump == (try Fixture.expectedDump(name)))
  }

  @Test(arguments: Fixture.names("rejected"))
  func streamingReportsTheSameDiagnosticsAsParse(name: String) throws {
    let bytes = try Fixture.bytes("rejected", name)
    var parseError: TcpRulesError?
    do { _ = try RulesFile.parse(bytes, path: name) } catch { parseError = error }
    for chunkSize in [1, 4, 65536] {
      var compileError: TcpRulesError?
      do {
        _ = try compile(bytes, chunkSize: chunkSize, path: name)
      } catch let error as TcpRulesError {
        compileError = error
      }
      #expect(compileError != nil)
      #expect(compileError == parseError, "chunk size \(chunkSize)")
    }
  }

  @Test func stopsEmittingAtTheFirstRejectedLine() throws {
    let bytes = Array("1.:allow\n2.:bad\n3.:allow\n4.:bad\n".utf8)
    var lines: [Int] = []
    #expect(throws: TcpRulesError.self) {
      try RulesCompiler.compile(bytes, path: "t") { _, _, line in lines.append(line) }
    }
    #expect(lines == [1])
  }

  @Test func readsThroughAReadClosure() throws {
    let bytes = try Fixture.bytes("accepted", "ranges")
    var offset = 0
    var keys: [[UInt8]] = []
    let count = try RulesCompiler.compile(
      path: "t",
      read: { buffer in
        let count = min(3, bytes.count - offset)
        buffer.copyBytes(from: bytes[offset..<(offset + count)])
        offset += count
        return count
      },
      emit: { key, _, _ in keys.append(Array(key)) })
    let expected = try RulesFile.parse(bytes, path: "t").records().map(\.key)
    #expect(keys == expected)
    #expect(count == expected.count)
  }

  @Test func passesEmitErrorsThrough() {
    struct Full: Error {}
    #expect(throws: Full.self) {
      try RulesCompiler.compile(Array(":allow\n".utf8), path: "t") { _, _, _ in throw Full() }
    }
  }
}
