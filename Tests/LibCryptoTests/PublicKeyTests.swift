import LibCrypto
import Testing

@Suite struct PublicKeyTests {
  @Test func loadsSubjectPublicKeyInfo() throws {
    let der = try #require(Base64.decode(PEMFixtures.rsa1024SPKIBase64))
    let key = try PublicKey(subjectPublicKeyInfo: der)
    #expect(key.algorithm == .rsa)
    #expect(key.bits == 1024)
    #expect(try key.subjectPublicKeyInfoDER() == der)
  }

  @Test func loadsBarePKCS1RSAPublicKey() throws {
    let pkcs1 = try #require(Base64.decode(PEMFixtures.rsa1024PKCS1PublicBase64))
    let key = try PublicKey(rsaPublicKey: pkcs1)
    #expect(try key.subjectPublicKeyInfoDER() == Base64.decode(PEMFixtures.rsa1024SPKIBase64))
  }

  @Test func rejectsTrailingBytes() throws {
    let der = try #require(Base64.decode(PEMFixtures.rsa1024SPKIBase64))
    #expect(throws: LibCryptoError.invalidInput("1 bytes after the subject public key info")) {
      try PublicKey(subjectPublicKeyInfo: der + [0])
    }
  }

  @Test func rejectsTruncatedAndEmptyDER() throws {
    let der = try #require(Base64.decode(PEMFixtures.rsa1024SPKIBase64))
    for input in [[], Array(der.prefix(40)), Array(der.dropLast())] {
      #expect(throws: LibCryptoError.self) { try PublicKey(subjectPublicKeyInfo: input) }
      #expect(throws: LibCryptoError.self) { try PublicKey(rsaPublicKey: input) }
    }
  }

  @Test func ed25519RawRoundTrip() throws {
    let key = try PrivateKey.generateEd25519().publicKey()
    let raw = try key.ed25519Raw()
    let reloaded = try PublicKey(ed25519Raw: raw)
    #expect(try reloaded.subjectPublicKeyInfoDER() == key.subjectPublicKeyInfoDER())
    #expect(
      try PublicKey(subjectPublicKeyInfo: key.subjectPublicKeyInfoDER()).algorithm == .ed25519)
  }

  @Test func ed25519RawNeedsExactly32Bytes() {
    #expect(throws: LibCryptoError.invalidInput("an ed25519 public key is 32 bytes, not 31")) {
      try PublicKey(ed25519Raw: [UInt8](repeating: 1, count: 31))
    }
  }

  @Test func rawFormIsOnlyForEd25519() throws {
    let der = try #require(Base64.decode(PEMFixtures.rsa1024SPKIBase64))
    #expect(throws: LibCryptoError.wrongAlgorithm(expected: .ed25519, actual: .rsa)) {
      try PublicKey(subjectPublicKeyInfo: der).ed25519Raw()
    }
  }
}
