import TcpRules
import Testing

@Suite struct RulesFileSignSelectorTests {
  private func parse(_ text: String) throws -> RulesFile {
    try RulesFile.parse(Array(text.utf8), path: "t")
  }

  @Test func replacesOnlyTemplatesWithThatSelectorKeepingTheirQuotes() throws {
    var file = try parse(
      """
      # keep me
      127.:allow,RELAYCLIENT="",DKSIGN='/var/qmail/control/domainkeys/%/private'
      10.:allow,RELAYCLIENT="",DKSIGN="/keys/%/other"
      :allow,DKVERIFY="DEGIJKfh"

      """)
    let summary = try file.replaceSignSelector("private", with: "s202612")
    #expect(summary.changedLines == [2])
    #expect(
      String(decoding: file.render(), as: UTF8.self) == """
        # keep me
        127.:allow,RELAYCLIENT="",DKSIGN='/var/qmail/control/domainkeys/%/s202612'
        10.:allow,RELAYCLIENT="",DKSIGN="/keys/%/other"
        :allow,DKVERIFY="DEGIJKfh"

        """)
  }

  @Test func refusesAFileThatSignsNothing() throws {
    var file = try parse(":allow\n")
    #expect(throws: TcpRulesError.noMatchingRules("allow rules setting DKSIGN")) {
      try file.replaceSignSelector("private", with: "s2")
    }
  }
}
