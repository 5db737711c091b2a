import KeyStore
import Testing

@Suite struct PublishedKeyRecordTests {
  @Test func findsPInDknewkeyOutput() {
    let tinydns = "'private._domainkey.example.com:k=rsa; p=MEwwDQYJKoZIhvcNAQEBBQADOwAwOAIxAJ==\n"
    #expect(
      PublishedKeyRecord.publicKeyBase64(inRecordFile: tinydns)
        == "MEwwDQYJKoZIhvcNAQEBBQADOwAwOAIxAJ==")
    let bind = "private._domainkey\tIN\tTXT\t\"k=rsa; p=MEww DQYJ\"\n"
    #expect(PublishedKeyRecord.publicKeyBase64(inRecordFile: bind) == "MEwwDQYJ")
    let split = "x. IN TXT ( \"v=DKIM1; k=rsa; p=MIIB\" \"IjAN\" )\n"
    #expect(PublishedKeyRecord.publicKeyBase64(inRecordFile: split) == "MIIBIjAN")
  }

  @Test func paddingAfterPIsNotATag() {
    #expect(PublishedKeyRecord.publicKeyBase64(inRecordFile: "v=DKIM1; p=AAAp=") == "AAAp=")
  }

  @Test func emptyAndMissingP() {
    #expect(PublishedKeyRecord.publicKeyBase64(inRecordFile: "k=rsa; p=") == "")
    #expect(PublishedKeyRecord.publicKeyBase64(inRecordFile: "k=rsa;") == nil)
  }
}

@Suite struct RecordFileOwnerNameTests {
  @Test func findsTheAbsoluteNameDknewkeyPrinted() {
    #expect(
      PublishedKeyRecord.ownerName(inRecordFile: "'private._domainkey.example.com:k=rsa; p=AA\n")
        == "private._domainkey.example.com")
    #expect(
      PublishedKeyRecord.ownerName(inRecordFile: "Sel._domainkey.Example.NET. 3600 IN TXT \"p=A\"")
        == "sel._domainkey.example.net")
  }

  @Test func relativeNamesAndBareValuesHaveNone() {
    #expect(
      PublishedKeyRecord.ownerName(inRecordFile: "private._domainkey\tIN\tTXT\t\"k=rsa; p=A\"")
        == nil)
    #expect(PublishedKeyRecord.ownerName(inRecordFile: "v=DKIM1; k=rsa; p=AAAA\n") == nil)
  }
}
