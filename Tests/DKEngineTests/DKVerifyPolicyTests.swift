import Testing

@testable import DKEngine

struct DKVerifyPolicyTests {
  @Test func toasterRecommendedSetRejectsAsDocumented() throws {
    let policy = try DKVerifyPolicy(letters: "DEGIJKfh")
    #expect(policy.decision(for: .ok) == .accept)
    #expect(policy.decision(for: .badSignature) == .accept)
    #expect(policy.decision(for: .noKey) == .permanentReject)
    #expect(policy.decision(for: .cantVerify) == .temporaryReject)
    #expect(policy.decision(for: .noResource) == .temporaryReject)
    #expect(policy.decision(for: .revoked) == .permanentReject)
    #expect(policy.warnings.isEmpty)
  }

  @Test func lowerCaseWinsWhenBothCasesPresent() throws {
    let policy = try DKVerifyPolicy(letters: "Bb")
    #expect(policy.decision(for: .badSignature) == .temporaryReject)
    #expect(policy.warnings.count == 1)
  }

  @Test func fd4TextsMatchQmailDK06() throws {
    let policy = try DKVerifyPolicy(letters: "Bf")
    #expect(
      policy.rejectionText(for: .badSignature)
        == "DDomainKeys verify status: bad          (#5.3.0)")
    #expect(
      policy.rejectionText(for: .cantVerify)
        == "ZDomainKeys verify status: no key       (#4.3.0)")
    #expect(policy.rejectionText(for: .ok) == nil)
  }

  @Test func invalidLettersAreEachNamed() {
    #expect(throws: DKEngineError.invalidVerifyLetters(value: "BxM1x", invalid: ["x", "M", "1"])) {
      try DKVerifyPolicy(letters: "BxM1x")
    }
  }

  @Test func emptyValueRejectsNothing() throws {
    let policy = try DKVerifyPolicy(letters: "")
    for status in DKStatus.allCases { #expect(policy.decision(for: status) == .accept) }
    #expect(policy.explanation().isEmpty)
  }

  @Test func warnsAboutAAndTheManPageKMistake() throws {
    #expect(try DKVerifyPolicy(letters: "aB").warnings.contains { $0.hasPrefix("A/a") })
    #expect(try DKVerifyPolicy(letters: "DEK").warnings.contains { $0.hasPrefix("K is") })
    #expect(try DKVerifyPolicy(letters: "DEJK").warnings.isEmpty)
  }

  @Test func explanationNamesEachListedStatus() throws {
    let lines = try DKVerifyPolicy(letters: "Bf").explanation()
    #expect(
      lines == [
        "B: bad signature → permanent reject",
        "f: key could not be fetched (temporary DNS failure) → temporary reject",
      ])
  }
}
