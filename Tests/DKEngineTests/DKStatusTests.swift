import Testing

@testable import DKEngine

struct DKStatusTests {
  @Test func lettersAndNumbersFollowLibdomainkeys() {
    #expect(DKStatus.allCases.count == 12)
    #expect(DKStatus.ok.letter == "A")
    #expect(DKStatus.revoked.letter == "J")
    #expect(DKStatus.internal.letter == "K")
    #expect(DKStatus.granularity.lowercaseLetter == "l")
    #expect(DKStatus(letter: "b") == .badSignature)
    #expect(DKStatus(letter: "G") == .syntax)
    #expect(DKStatus(letter: "M") == nil)
    #expect(DKStatus(letter: "é") == nil)
    for status in DKStatus.allCases {
      #expect(DKStatus(letter: status.letter) == status)
      #expect(DKStatus(letter: status.lowercaseLetter) == status)
    }
  }

  @Test func statusTextsAreTwelveCharactersAsInQmailDK06() {
    for status in DKStatus.allCases {
      #expect(status.qmailDKStatusText.count == 12)
    }
    #expect(DKStatus.ok.statusHeader == "DomainKey-Status: good        ")
    #expect(DKStatus.cantVerify.qmailDKStatusText == "no key      ")
    #expect(DKStatus.internal.qmailDKStatusText == "bad format  ")
    #expect(DKStatus.granularity.qmailDKStatusText == "unknown bad ")
    #expect(DKStatus.badSignature.name == "DK_STAT_BADSIG")
    #expect(DKStatus.cantVerify.name == "DK_STAT_CANTVRFY")
    #expect(DKStatus.badSignature.description == "B (DK_STAT_BADSIG)")
  }
}
