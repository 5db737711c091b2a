import Foundation
import TcpRules
import TestSupport
import Testing

/// toaster-dk's compile against the real ucspi-tcp `tcprules`, byte for byte.
@Suite(.enabled(if: RealBinary.find("tcprules") != nil, "ucspi-tcp's tcprules is not installed"))
struct TcprulesCompileInteropTests {
  /// Compiles `rules` with both and returns (tcprules status, its cdb, our error, our cdb).
  private func compileBoth(_ rules: [UInt8]) throws -> (Int32, [UInt8]?, (any Error)?, [UInt8]?) {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(rules, to: "tcp.smtp")
    let tcprules = try #require(RealBinary.find("tcprules"))
    let real = try ProcessRunner.run(
      tcprules, [tmp.join("ref.cdb"), tmp.join("ref.tmp")], stdin: rules)
    let reference = real.status == 0 ? try tmp.read("ref.cdb") : nil
    var ourError: (any Error)?
    do {
      try RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("ours.cdb")).compile()
    } catch {
      ourError = error
    }
    let ours = ourError == nil ? try tmp.read("ours.cdb") : nil
    return (real.status, reference, ourError, ours)
  }

  @Test(arguments: TcpRulesFixtures.all.map { URL(fileURLWithPath: $0).lastPathComponent })
  func fixtureCompilesToTheSameBytesOrFailsTheSameWay(_ name: String) throws {
    let path = try #require(TcpRulesFixtures.all.first { $0.hasSuffix("/" + name) })
    let rules = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let (status, reference, ourError, ours) = try compileBoth(rules)
    if status == 0 {
      #expect(
        ourError == nil,
        "tcprules accepts \(name) but toaster-dk says \(String(describing: ourError))")
      #expect(ours == reference, "cdb bytes differ for \(name)")
    } else {
      #expect(status == 100, "tcprules failed on \(name) for a reason other than syntax")
      #expect(ourError is TcpRulesError, "tcprules rejects \(name) but toaster-dk accepts it")
    }
  }

  @Test func fixturesArePresent() {
    #expect(TcpRulesFixtures.files("accepted").count >= 10)
    #expect(TcpRulesFixtures.files("rejected").count >= 10)
  }

  @Test(arguments: 0..<40)
  func randomRulesFilesAgree(_ seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let rules = RandomRules.make(lines: 30, using: &generator)
    let (status, reference, ourError, ours) = try compileBoth(rules)
    let text = String(decoding: rules, as: UTF8.self)
    #expect((status == 0) == (ourError == nil), "accept/reject differs for:\n\(text)")
    if status == 0 { #expect(ours == reference, "cdb bytes differ for:\n\(text)") }
  }
}
