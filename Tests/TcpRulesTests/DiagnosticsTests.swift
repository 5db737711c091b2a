import Testing
import ToasterSupport

@testable import TcpRules

/// Where each rejected fixture goes wrong: line, column, and a phrase the hint must contain.
///
/// Columns were counted by hand from the fixture bytes.
private let expectedErrors: [String: [(line: Int, column: Int, hint: String)]] = [
  "crlf": [(2, 26, "dos2unix"), (3, 7, "dos2unix")],
  "cr-only": [(1, 11, "old Mac")],
  "crlf-empty-instruction": [(1, 6, "dos2unix")],
  "trailing-comment": [(1, 11, "comments after a rule")],
  "trailing-comment-after-value": [(1, 26, "comments after a rule")],
  "trailing-comma": [(1, 11, "remove the trailing comma")],
  "no-equals": [(1, 11, "NAME=\"value\"")],
  "no-value": [(1, 24, "RELAYCLIENT=\"\"")],
  "unclosed-quote": [(1, 19, "no escapes")],
  "backslash-escape": [(1, 28, "no escapes")],
  "unquoted-value": [(1, 21, "quote the value: DKVERIFY=\"value\"")],
  "space-before-comma": [(1, 11, "space before the comma")],
  "space-after-colon": [(1, 6, "space after the colon")],
  "uppercase-allow": [(1, 6, "lower case")],
  "missing-instruction": [(1, 6, "add allow or deny after the colon")],
  "unknown-instruction": [(1, 6, "ADDRESS:allow or ADDRESS:deny")],
  "allow-suffix": [(1, 11, "NAME=\"value\"")],
  "deny-suffix": [(1, 10, "NAME=\"value\"")],
  "ipv6": [(1, 2, "IPv6")],
  "range-host-name": [(1, 1, "leading =")],
  "range-letters": [(1, 7, "decimal bounds")],
  "range-junk": [(1, 9, "decimal bounds")],
  "range-double-dash": [(1, 9, "decimal bounds")],
  "form-feed": [(1, 11, "NAME=\"value\"")],
  "vertical-tab": [(1, 11, "NAME=\"value\"")],
  "junk-after-quote": [(1, 17, "NAME=\"value\"")],
  "nul-after-allow": [(1, 11, "NAME=\"value\"")],
  "semicolon-separator": [(1, 17, "NAME=\"value\"")],
  "one-bad-line": [(5, 7, "did you mean allow?")],
  "bad-last-line-no-newline": [(2, 7, "trailing comma")],
  "space-quote-at-end": [(1, 12, "strips trailing space")],
  "triple-quote": [(1, 14, "NAME=\"value\"")],
  "all-kinds": [
    (1, 11, "comments"), (2, 9, "trailing comma"), (3, 12, "X=\"\""), (4, 12, "no escapes"),
    (5, 4, "lower case"), (6, 3, "decimal bounds"), (7, 15, "dos2unix"),
  ],
]

@Suite struct DiagnosticsTests {
  @Test(arguments: Fixture.names("rejected").filter { $0 != "many-bad-lines" })
  func locatesEveryRejectedLine(name: String) throws {
    let expected = try #require(expectedErrors[name], "no expectation for \(name)")
    let diagnostics = try diagnostics(parsing: Fixture.bytes("rejected", name), path: name)
    #expect(diagnostics.map(\.location.line) == expected.map(\.line))
    #expect(diagnostics.map(\.location.column) == expected.map(\.column))
    for (diagnostic, want) in zip(diagnostics, expected) {
      #expect(diagnostic.hint?.contains(want.hint) == true, "\(diagnostic)")
      #expect(diagnostic.severity == .error)
      #expect(diagnostic.location.path == name)
    }
  }

  @Test func echoesTheRawLine() throws {
    let diagnostics = try diagnostics(parsing: Array("# x\r\n127.:allow\r\n".utf8), path: "f")
    #expect(diagnostics.first?.sourceLine == Array("127.:allow\r".utf8))
    #expect(diagnostics.first?.message == "unexpected carriage return after the instruction")
  }

  @Test func capsTheReportAndCountsTheRest() throws {
    let diagnostics = try diagnostics(
      parsing: Fixture.bytes("rejected", "many-bad-lines"), path: "f")
    #expect(diagnostics.filter { $0.severity == .error }.map(\.location.line) == Array(1...20))
    #expect(diagnostics.last?.severity == .note)
    #expect(diagnostics.last?.message == "5 more rejected lines not shown")
  }

  @Test func errorDescriptionIsOneLowercaseLine() throws {
    do {
      _ = try RulesFile.parse(Array("1.:allow\n2.:permit\n3.:x\n".utf8), path: "tcp.smtp")
      Issue.record("parse accepted a bad file")
    } catch {
      #expect(
        error.description
          == "unable to parse tcp.smtp: tcprules rejects 2 lines: first at line 2: "
          + "expected allow or deny after the first colon")
    }
  }

  private func diagnostics(parsing bytes: [UInt8], path: String) throws -> [Diagnostic] {
    do {
      _ = try RulesFile.parse(bytes, path: path)
    } catch .syntax(let diagnostics) {
      return diagnostics
    }
    Issue.record("parse accepted \(path)")
    return []
  }
}
