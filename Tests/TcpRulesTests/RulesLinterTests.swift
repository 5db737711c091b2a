import Testing
import ToasterSupport

@testable import TcpRules

@Suite struct RulesLinterTests {
  private func lint(_ text: String, options: LintOptions = LintOptions()) -> [Diagnostic] {
    RulesLinter.lint(Array(text.utf8), path: "tcp.smtp", options: options)
  }

  /// The (line, column, severity) of each diagnostic, for compact expectations.
  private func places(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" }
  }

  @Test func stockQmailToasterFileIsClean() throws {
    let bytes = try Fixture.bytes("accepted", "qmailtoaster-current")
    let diagnostics = RulesLinter.lint(bytes, path: "t").filter { $0.severity != .note }
    #expect(diagnostics == [])
  }

  @Test func warnsAboutLinesTcprulesIgnores() {
    let diagnostics = lint("# ok\n\nallow relaying\n   \n  # indented\n:allow\n")
    #expect(places(diagnostics) == ["3:1 warning", "5:3 warning"])
    #expect(diagnostics[0].message.contains("no colon"))
    #expect(diagnostics[1].message.contains("indented comment"))
  }

  @Test func reportsRejectedLinesAsErrors() {
    let diagnostics = lint("127.:allow # local\n:allow\n")
    #expect(places(diagnostics) == ["1:11 error"])
    #expect(diagnostics[0].hint?.contains("comments after a rule") == true)
  }

  @Test func reportsCRLFOnceAndEveryRejectedRule() {
    let diagnostics = lint("# a\r\n# b\r\n\r\n:allow\r\n")
    #expect(places(diagnostics) == ["1:4 warning", "4:7 error"])
    #expect(diagnostics[0].hint == "convert with dos2unix")
  }

  @Test func indentedCommentWithAColon() {
    let accepted = lint("  # note:allow\n")
    #expect(accepted.first?.message == "indented comment is read as a rule (it contains a colon)")
    let rejected = lint("  # note: relay for the office\n")
    #expect(places(rejected) == ["1:10 error"])
    #expect(rejected.first?.hint?.contains("column 1") == true)
  }

  @Test func laterDuplicatesAreDeadAndSayWhichLineWins() {
    let diagnostics = lint("1.2.3.4:allow\n1.2.3.4:deny\n1.2.3.3-5:deny\n:allow\n:deny\n")
    #expect(places(diagnostics) == ["2:1 warning", "3:1 note", "5:1 warning"])
    #expect(diagnostics[0].message == "rule is never used: line 1 already matches 1.2.3.4")
    #expect(diagnostics[1].message.contains("1 of the 3 addresses"))
    #expect(diagnostics[2].message.contains("line 4 already matches the default"))
  }

  @Test func rangeCoveredByEarlierLinesIsDead() {
    let diagnostics = lint("1.2.3.4:allow\n1.2.3.5:deny\n1.2.3.4-5:allow\n")
    #expect(
      diagnostics.map(\.message) == [
        "rule is never used: lines 1, 2 already match every address of 1.2.3.4-5"
      ])
  }

  @Test func rangesThatExpandToNothing() {
    let diagnostics = lint(
      "1.2.3.9-5:allow\n1.2.3.5-:deny\n1.2.3.300-400:allow\n1.2.3.4-7:allow\n1.2.4.250-300:allow\n")
    #expect(places(diagnostics) == ["1:7 warning", "2:7 warning", "3:7 warning", "5:7 note"])
  }

  @Test func hostAndInfoRulesAreInertUnderDashHAndDashR() {
    let text = "=mail.example.com:allow\njoe@1.2.3.4:allow\n"
    #expect(places(lint(text)) == ["1:1 warning", "2:1 warning"])
    #expect(lint(text, options: LintOptions(hostAndInfoLookupsDisabled: false)) == [])
  }

  @Test(arguments: [
    "1.2.3.04", "1.2.3.4.", "10.1", "=Mail.Example.com", "mail.example.com", " 127.", "1..2.",
    "1.2.3.256", "joe@1.2.", "joe@=.example.com", "192.168.0-1.1-2",
  ])
  func keysThatCanNeverMatch(address: String) {
    let diagnostics = lint(
      "\(address):allow\n", options: LintOptions(hostAndInfoLookupsDisabled: false))
    #expect(diagnostics.contains { $0.severity == .warning }, "\(address)")
  }

  @Test(arguments: [
    "1.2.3.4", "1.2.3.", "10.", "", "=mail.example.com", "=.example.com", "=", "joe@1.2.3.4",
  ])
  func keysThatMatch(address: String) {
    #expect(
      lint("\(address):allow\n", options: LintOptions(hostAndInfoLookupsDisabled: false)) == [])
  }

  @Test func dkSignPaths() {
    let diagnostics = lint(
      """
      127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/private"
      10.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%"
      11.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
      12.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/"

      """)
    #expect(places(diagnostics) == ["1:35 warning", "2:34 warning", "4:34 warning"])
  }

  @Test func dkSignWithoutRelayClientIsANote() {
    let diagnostics = lint(":allow,DKSIGN=\"/k/%/private\"\n1.:deny,DKSIGN=\"/k/%/private\"\n")
    #expect(places(diagnostics) == ["1:16 note"])
  }

  // One loop check (RulesStore.queueProgramProblems) serves lint and set-queue; the
  // linter only turns its answers into diagnostics.
  @Test func dkQueueGoesThroughTheInjectedCheck() {
    let options = LintOptions(queueProgramProblems: { value in
      switch value {
      case "loop": [QueueProgramProblem(.loop, "loops", hint: "use the real queue")]
      case "gone": [QueueProgramProblem(.missing, "gone does not exist")]
      default: []
      }
    })
    let text = ":allow,DKQUEUE=\"loop\"\n1.:allow,DKQUEUE=\"gone\"\n2.:allow,DKQUEUE=\"fine\"\n"
    let diagnostics = lint(text, options: options)
    #expect(places(diagnostics) == ["1:17 error", "2:19 warning"])
    #expect(diagnostics.first?.message == "DKQUEUE: loops")
    #expect(diagnostics.first?.hint == "use the real queue")
    #expect(lint(":allow,DKQUEUE=\"/var/qmail/bin/qmail-queue\"\n") == [])
  }

  @Test func dkVerifyGoesThroughTheInjectedCheck() {
    let options = LintOptions(dkVerifyProblems: { value in
      value.contains("Z") ? ["Z is not a status letter"] : []
    })
    let diagnostics = lint(":allow,DKVERIFY=\"DEZ\"\n1.:allow,DKVERIFY=\"DE\"\n", options: options)
    #expect(places(diagnostics) == ["1:18 warning"])
    #expect(diagnostics.first?.message == "DKVERIFY: Z is not a status letter")
  }

  @Test func oddVariableNames() {
    let diagnostics = lint(":allow,=\"x\",A,B=\"v\", RELAYCLIENT=\"\",OK=\"1\"\n")
    #expect(places(diagnostics) == ["1:8 warning", "1:13 warning", "1:21 warning"])
  }

  @Test func relayClientOnTheDefaultRuleIsAnOpenRelay() {
    #expect(places(lint(":allow,RELAYCLIENT=\"\"\n")) == ["1:8 error"])
    #expect(lint("127.:allow,RELAYCLIENT=\"\"\n:deny,RELAYCLIENT=\"\"\n") == [])
  }

  @Test func relayingRuleWithDKVerifyButNoDKSignVerifies() {
    let diagnostics = lint(
      """
      127.:allow,RELAYCLIENT="",DKVERIFY="DEGIJKfh"
      10.:allow,RELAYCLIENT="",DKVERIFY="DEGIJKfh",DKSIGN="/k/%/private"

      """)
    // Line 2's DKVERIFY does nothing (qmail-dk signs): a warning, as edits report it too.
    #expect(places(diagnostics) == ["1:1 warning", "2:1 warning"])
  }

  @Test func settingDiagnosticsCheckOnlyTheEditedVariableOnTheSelectedLines() {
    let text = """
      127.:allow,RELAYCLIENT="",DKVERIFY="DEG",DKSIGN="k/%/private"
      127.:allow,DKSIGN="/k/one"
      10.:allow,DKSIGN="/k/two"

      """
    let sign = RulesLinter.settingDiagnostics(
      Array(text.utf8), path: "t", name: "DKSIGN", lines: [1, 2])
    #expect(places(sign) == ["1:50 warning", "1:1 warning", "2:20 warning", "2:20 note"])
    let queue = RulesLinter.settingDiagnostics(
      Array(text.utf8), path: "t", name: "DKQUEUE", lines: [1, 2, 3])
    #expect(queue == [])
  }

  @Test func relativeDKSignIsAWarning() {
    let diagnostics = lint("127.:allow,RELAYCLIENT=\"\",DKSIGN=\"control/%/private\"\n")
    #expect(places(diagnostics) == ["1:35 warning"])
    #expect(diagnostics.first?.message.hasPrefix("DKSIGN is not an absolute path") == true)
  }
}
