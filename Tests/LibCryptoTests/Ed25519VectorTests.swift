import LibCrypto
import Testing

/// The published Ed25519 key of RFC 8463 appendix A (also RFC 8032 §7.1 test 1).
@Suite struct Ed25519VectorTests {
  static let seedBase64 = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="
  static let publicBase64 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="

  @Test func rfc8463SeedGivesThePublishedPublicKey() throws {
    let seed = try #require(Base64.decode(Self.seedBase64))
    let key = try PrivateKey(ed25519Seed: seed)
    #expect(Base64.encode(try key.publicKey().ed25519Raw()) == Self.publicBase64)
  }

  @Test func rfc8032EmptyMessageSignature() throws {
    let seed = try #require(Base64.decode(Self.seedBase64))
    let signature = try PrivateKey(ed25519Seed: seed).signEd25519(message: [])
    let expected =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
      + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    #expect(DigestContextTests.hex(signature) == expected)
    let publicKey = try PublicKey(ed25519Raw: #require(Base64.decode(Self.publicBase64)))
    #expect(try publicKey.verifyEd25519(signature: signature, message: []))
  }

  @Test func pkcs8FormEndsWithTheSeed() throws {
    let seed = try #require(Base64.decode(Self.seedBase64))
    let pem = String(decoding: try PrivateKey(ed25519Seed: seed).pkcs8PEM(), as: UTF8.self)
    let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    let der = try #require(Base64.decode(body))
    #expect(Array(der.suffix(32)) == seed)
    #expect(der.count == 48)
  }
}
