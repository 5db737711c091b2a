import DKEngine
import KeyStore
import LibCrypto
import Testing

/// The record KeyStore publishes, read back by DKEngine's key-record parser in both dialects
/// (until KeyStore renders through DKEngine's KeyRecord).
struct KeyStoreKeyRecordTests {
  @Test(arguments: ["rsa", "ed25519"], [false, true])
  func publishedRecordParsesAsDomainKeysAndDKIM(algorithm: String, testing: Bool) throws {
    let key =
      algorithm == "rsa" ? try PrivateKey.generateRSA(bits: 2048) : try PrivateKey.generateEd25519()
    let record = try PublishedKeyRecord(publicKey: key.publicKey(), testing: testing)
    for dialect in [TagList.Dialect.domainKeys, .dkim] {
      let parsed = try KeyRecord(parsing: record.text, dialect: dialect)
      #expect(parsed.version == "DKIM1")
      #expect(parsed.keyType == algorithm)
      #expect(parsed.isTesting == testing)
      let text = try #require(parsed.publicKeyText)
      let bytes = try #require(Base64.decode(text))
      let publicKey =
        algorithm == "rsa"
        ? try PublicKey(subjectPublicKeyInfo: bytes) : try PublicKey(ed25519Raw: bytes)
      #expect(try publicKey.subjectPublicKeyInfoDER() == key.publicKey().subjectPublicKeyInfoDER())
    }
  }
}
