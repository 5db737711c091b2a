import TestSupport
import Testing

@testable import TcpRules

/// Random files built from the grammar's edge cases, checked for internal consistency:
/// the model and the streaming compiler must agree, and accepted files must round-trip.
@Suite struct RandomRulesTests {
  private static let addresses = [
    "", "1.2.3.4", "10.", "1.2.3.4-7", "=h.example", "joe@1.2.3.4", "a-b", " 1.", "1.2.3.9-5",
    "#x", "-", "1.2.3.-2",
  ]
  private static let instructions = ["allow", "deny", "allow", "deny", "Allow", "", "allowx"]
  private static let settings = [
    ",A=\"1\"", ",RELAYCLIENT=\"\"", ",B='x'", ",C=abca", ",=\"\"", ",A,B=\"v\"", ",D=\"x", ",E",
    ",", " ,F=\"1\"", ",G=\"1\"x", ",H=\"a\0b\"", ",DKSIGN=\"/k/%/p\"",
  ]
  private static let tails = ["", "", "", "", "", " ", "\t ", "\r", " # c"]
  private static let otherLines = ["# comment", "", "prose", "  # indented", "\r", "   "]

  private func randomFile(_ generator: inout SeededGenerator) -> [UInt8] {
    var text = ""
    for _ in 0..<Int.random(in: 1...8, using: &generator) {
      if Bool.random(using: &generator) {
        text += Self.otherLines.randomElement(using: &generator) ?? ""
      } else {
        text += (Self.addresses.randomElement(using: &generator) ?? "") + ":"
        text += Self.instructions.randomElement(using: &generator) ?? ""
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
          text += Self.settings.randomElement(using: &generator) ?? ""
        }
        text += Self.tails.randomElement(using: &generator) ?? ""
      }
      text += "\n"
    }
    if Bool.random(using: &generator) { text.removeLast() }
    return Array(text.utf8)
  }

  private func compile(_ bytes: [UInt8], chunkSize: Int) -> Result<[RuleRecord], TcpRulesError> {
    var records: [RuleRecord] = []
    var compiler = RulesCompiler(path: "r")
    let emit: RulesCompiler.Emit = { key, data, line in
      records.append(RuleRecord(key: Array(key), data: Array(data), line: line))
    }
    do {
      try bytes.withUnsafeBytes { all in
        for start in stride(from: 0, to: all.count, by: chunkSize) {
          let end = min(start + chunkSize, all.count)
          try compiler.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), emit: emit)
        }
      }
      try compiler.finish(emit: emit)
      return .success(records)
    } catch let error as TcpRulesError {
      return .failure(error)
    } catch {
      Issue.record("unexpected \(error)")
      return .success([])
    }
  }

  @Test(arguments: 0..<40)
  func modelAndCompilerAgree(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    var accepted = 0
    defer { #expect(accepted > 0, "seed \(seed) generated no accepted file") }
    for _ in 0..<50 {
      let bytes = randomFile(&generator)
      let parsed = Result { () throws(TcpRulesError) in try RulesFile.parse(bytes, path: "r") }
      let compiled = compile(bytes, chunkSize: Int.random(in: 1...9, using: &generator))
      switch (parsed, compiled) {
      case (.success(let file), .success(let records)):
        accepted += 1
        #expect(file.render() == bytes)
        #expect(file.records() == records)
      case (.failure(let parseError), .failure(let compileError)):
        #expect(parseError == compileError)
      default:
        Issue.record("parse and compile disagree on \(bytes)")
      }
    }
  }

  @Test(arguments: 0..<20)
  func editedFilesReparseToTheEditedModel(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) &+ 1000)
    // Rejected files and edits that do not apply are skipped, so count the checked ones:
    // each edit is tried on its own, and a seed that checks nothing fails.
    var edited = 0
    defer { #expect(edited > 0, "seed \(seed) generated no editable file") }
    for _ in 0..<50 {
      let bytes = randomFile(&generator)
      guard let before = try? RulesFile.parse(bytes, path: "r") else { continue }
      for setting in [true, false] {
        var file = before
        do {
          if setting {
            try file.set("A", to: "new value", on: .allowRules)
          } else {
            try file.unset("B", on: .nonRelayingAllowRules)
          }
        } catch .noMatchingRules, .wouldNotParse, .invalidValue {
          continue
        } catch {
          Issue.record("unexpected \(error)")
          continue
        }
        edited += 1
        #expect(try RulesFile.parse(file.render(), path: "r") == file)
        let untouched = zip(before.lines, file.lines).filter { $0.0.rule?.instruction != .allow }
        #expect(untouched.allSatisfy { $0.0 == $0.1 })
      }
    }
  }
}
