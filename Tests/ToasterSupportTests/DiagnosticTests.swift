import Testing
import ToasterSupport

@Suite struct DiagnosticTests {
  @Test func rendersLocationLineCaretAndHint() {
    let diagnostic = Diagnostic(
      location: SourceLocation(path: "tcp.smtp", line: 3, column: 4), message: "bad thing",
      hint: "do this", sourceLine: Array("1.2\r:allow".utf8))
    #expect(
      diagnostic.description == """
        tcp.smtp:3:4: error: bad thing
        1.2\\r:allow
           ^
        tcp.smtp:3:4: note: do this
        """)
  }

  @Test func caretAccountsForEscapedBytes() {
    let diagnostic = Diagnostic(
      location: SourceLocation(path: "f", line: 1, column: 3), message: "m",
      sourceLine: [0x09, 0x00, 0x41])
    #expect(diagnostic.description == "f:1:3: error: m\n\\t\\0A\n    ^")
  }

  @Test func pathsResolveUnderRoot() {
    #expect(ToasterPaths(root: "/").rulesFile == "/etc/tcprules.d/tcp.smtp")
    #expect(ToasterPaths(root: "/tmp/x/").rulesCDB == "/tmp/x/etc/tcprules.d/tcp.smtp.cdb")
    #expect(ToasterPaths(root: "sandbox").domainKeys == "sandbox/var/qmail/control/domainkeys")
  }
}
