import KeyStore
import Testing

@Suite struct RecordRendererTests {
  @Test func keyRecordServesDomainKeysAndDKIM() throws {
    let set = try RecordFixtures.set()
    #expect(set.key.value == "v=DKIM1; k=rsa; p=" + RecordFixtures.rsa2048)
    #expect(set.key.name == "private._domainkey.example.com")
    #expect(set.records.map(\.purpose) == [.key, .domainKeysPolicy, .dmarcSuggestion])
    #expect(set.records.filter { $0.name == set.key.name }.count == 1)
  }

  @Test func testingAddsTEqualsY() throws {
    let set = try RecordFixtures.set(testing: true)
    #expect(set.key.value.hasPrefix("v=DKIM1; k=rsa; t=y; p=MIIB"))
    #expect(set.records[1].value == "t=y; o=-")
    #expect(try RecordFixtures.set().records[1].value == "o=-")
  }

  @Test func ed25519IsDKIMOnly() throws {
    let set = try RecordFixtures.set(algorithm: "ed25519")
    #expect(set.key.value == "v=DKIM1; k=ed25519; p=" + RecordFixtures.ed25519)
    #expect(set.records.map(\.purpose) == [.key, .dmarcSuggestion])
    #expect(throws: KeyStoreError.dkimOnlyKey(path: "/keys/example.com/private")) {
      try RecordFixtures.set(algorithm: "ed25519", scope: .domainKeys)
    }
  }

  @Test func scopesSelectRecords() throws {
    #expect(
      try RecordFixtures.set(scope: .domainKeys).records.map(\.purpose) == [
        .key, .domainKeysPolicy,
      ])
    #expect(
      try RecordFixtures.set(scope: .dkim).records.map(\.purpose) == [.key, .dmarcSuggestion])
  }

  @Test func splitsAt255BytesExactly() throws {
    let record = try RecordFixtures.set().key
    let strings = record.characterStrings
    #expect(strings.map(\.count) == [255, record.value.utf8.count - 255])
    #expect(strings.joined().elementsEqual(record.value.utf8))
  }

  @Test(arguments: [0, 1, 254, 255, 256, 510, 511, 766])
  func splitsAnyLength(length: Int) {
    let record = DNSRecord(
      name: "x.example.com", ttl: 1, value: String(repeating: "a", count: length), purpose: .key,
      comment: "c")
    let strings = record.characterStrings
    #expect(strings.allSatisfy { $0.count <= 255 })
    #expect(strings.joined().count == length)
    #expect(strings.count == max(1, (length + 254) / 255))
  }

  @Test func bindUsesAbsoluteNamesAndParenthesesWhenSplit() throws {
    let text = RecordRenderer.render(try RecordFixtures.set(), as: .bind)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      lines[0]
        == "; DomainKeys and DKIM key, selector private (rsa 2048): one TXT record serves both")
    #expect(
      lines[1].hasPrefix(
        "private._domainkey.example.com.\t3600\tIN\tTXT\t( \"v=DKIM1; k=rsa; p=MIIB"))
    #expect(lines[2].hasPrefix("\t\"") && lines[2].hasSuffix("\" )"))
    #expect(lines[3] == "; DomainKeys policy: all mail from example.com is signed")
    #expect(lines[4] == "_domainkey.example.com.\t3600\tIN\tTXT\t\"o=-\"")
    #expect(lines[5].hasPrefix("; suggestion, not required: DMARC"))
    #expect(lines[6] == "_dmarc.example.com.\t3600\tIN\tTXT\t\"v=DMARC1; p=none\"")
    #expect(lines[7] == "")
  }

  @Test func bindEscapesQuotesBackslashesAndControlBytes() {
    #expect(
      RecordRenderer.bindEscaped(Array("a\"b\\c".utf8) + [7, 0xFF]) == "a\\\"b\\\\c\\007\\255")
  }

  @Test func tinydnsLinesEscapeColonsInOctal() throws {
    let text = RecordRenderer.render(try RecordFixtures.set(ttl: 300), as: .tinydns)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("# DomainKeys and DKIM key"))
    #expect(
      lines[1] == "'private._domainkey.example.com:v=DKIM1; k=rsa; p=\(RecordFixtures.rsa2048):300")
    #expect(lines[3] == "'_domainkey.example.com:o=-:300")
    #expect(
      RecordRenderer.tinydnsEscaped(Array("a:b\\c\n".utf8) + [0x80]) == "a\\072b\\134c\\012\\200")
  }

  @Test func plainIsTheKeyValueOnOneLine() throws {
    #expect(
      RecordRenderer.render(try RecordFixtures.set(), as: .plain)
        == "v=DKIM1; k=rsa; p=\(RecordFixtures.rsa2048)\n")
  }

  @Test func jsonIsOneStableLine() throws {
    let text = RecordRenderer.render(
      try RecordFixtures.set(algorithm: "ed25519", ttl: 60), as: .json)
    let key =
      "{\"comment\":\"DKIM-only key, selector private (ed25519): qmail-dk and DomainKeys need rsa\","
      + "\"name\":\"private._domainkey.example.com\",\"purpose\":\"key\","
      + "\"strings\":[\"v=DKIM1; k=ed25519; p=\(RecordFixtures.ed25519)\"],\"suggestion\":false,"
      + "\"ttl\":60,\"type\":\"TXT\",\"value\":\"v=DKIM1; k=ed25519; p=\(RecordFixtures.ed25519)\"}"
    #expect(
      text.hasPrefix(
        "{\"algorithm\":\"ed25519\",\"bits\":256,\"domain\":\"example.com\",\"records\":[" + key))
    #expect(text.hasSuffix("],\"selector\":\"private\",\"testing\":false}\n"))
  }

  @Test func ttlIsChecked() {
    #expect(throws: KeyStoreError.invalidTTL(-1)) { try RecordOptions(ttl: -1) }
    #expect(throws: KeyStoreError.invalidTTL(1 << 31)) { try RecordOptions(ttl: 1 << 31) }
  }
}
