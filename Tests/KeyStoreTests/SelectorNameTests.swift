import KeyStore
import Testing

@Suite struct SelectorNameTests {
  // qmail-dk keeps the DKSIGN template's case and file names are case-sensitive.
  @Test func acceptsLabelsAndKeepsTheirCase() throws {
    #expect(try SelectorName("Mail2026").text == "Mail2026")
    #expect(try SelectorName("Private") != SelectorName.toasterDefault)
    #expect(try SelectorName("s2026-01").text == "s2026-01")
    #expect(SelectorName.toasterDefault.text == "private")
  }

  @Test(arguments: ["", ".", "..", "a.b", "../x", "a/b", "x\0", ".hidden", "-x", "pub lic", "ü"])
  func refusesNamesThatAreNotOneLabel(name: String) {
    #expect(!SelectorName.isValid(name))
  }

  @Test func reservesTheHandMadeRecordStem() {
    #expect(
      throws: KeyStoreError.invalidSelector(
        "public",
        reason: "reserved for the record file of the hand-made private + public.txt layout")
    ) { try SelectorName("public") }
  }
}
