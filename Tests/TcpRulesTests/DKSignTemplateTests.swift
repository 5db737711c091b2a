import Testing

@testable import TcpRules

@Suite struct DKSignTemplateTests {
  @Test func selectorIsTheLastComponentAsWritten() throws {
    #expect(DKSignTemplate.toasterDefault.selector == "private")
    #expect(try DKSignTemplate("/etc/dk/%/s2026").selector == "s2026")
    #expect(try DKSignTemplate("/etc/dk/one-key").isPerDomain == false)
  }

  @Test func replacingSelectorKeepsTheDirectory() throws {
    let template = try DKSignTemplate.toasterDefault.replacingSelector(with: "s2026")
    #expect(template.text == "/var/qmail/control/domainkeys/%/s2026")
  }

  @Test(arguments: ["/var/qmail/control/domainkeys/%", "/k/%/", "/k/x%y"])
  func rejectsSelectorsQmailDKWouldPublishLiterally(_ text: String) {
    #expect(throws: TcpRulesError.self) { try DKSignTemplate(text) }
  }

  @Test(arguments: ["", "a/b", "%"])
  func rejectsSelectorsThatAreNotPlainNames(_ selector: String) {
    #expect(throws: TcpRulesError.self) {
      try DKSignTemplate.toasterDefault.replacingSelector(with: selector)
    }
  }
}
