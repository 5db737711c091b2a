import LibCrypto
import Testing

@Suite struct PrivateKeyTests {
  @Test func generatesRSAOfTheAskedSize() throws {
    let key = try PrivateKey.generateRSA(bits: 1024)
    #expect(key.algorithm == .rsa)
    #expect(key.bits == 1024)
    #expect(try key.publicKey().bits == 1024)
  }

  @Test(arguments: [384, 512, 768, 1023, 4097, 8192])
  func refusesRSASizesOutsideTheRange(bits: Int) {
    #expect(throws: LibCryptoError.invalidKeySize(bits)) {
      try PrivateKey.generateRSA(bits: bits)
    }
  }

  @Test(arguments: [384, 512, 768])
  func legacyEntryPointMakesWeakKeysForRejectionTests(bits: Int) throws {
    let key = try PrivateKey.unsafeGenerateLegacyRSA(bits: bits)
    #expect(key.bits == bits)
    let reloaded = try PrivateKey(pem: key.pkcs8PEM())
    #expect(
      try reloaded.publicKey().subjectPublicKeyInfoDER()
        == key.publicKey().subjectPublicKeyInfoDER())
  }

  @Test func generatesEd25519() throws {
    let key = try PrivateKey.generateEd25519()
    #expect(key.algorithm == .ed25519)
    #expect(key.bits == 256)
    #expect(try key.publicKey().ed25519Raw().count == 32)
  }

  @Test func pemRoundTripKeepsTheKey() throws {
    for key in [try PrivateKey.generateRSA(bits: 1024), try PrivateKey.generateEd25519()] {
      let pem = try key.pkcs8PEM()
      #expect(String(decoding: pem, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
      let reloaded = try PrivateKey(pem: pem)
      #expect(reloaded.algorithm == key.algorithm)
      #expect(try reloaded.pkcs8PEM() == pem)
    }
  }

  @Test func loadsPKCS1AndPKCS8FormsOfOneKey() throws {
    let pkcs1 = try PrivateKey(pem: PEMFixtures.rsa1024PKCS1)
    let pkcs8 = try PrivateKey(pem: PEMFixtures.rsa1024PKCS8)
    let expected = Base64.decode(PEMFixtures.rsa1024SPKIBase64)
    #expect(pkcs1.bits == 1024)
    #expect(try pkcs1.publicKey().subjectPublicKeyInfoDER() == expected)
    #expect(try pkcs8.publicKey().subjectPublicKeyInfoDER() == expected)
    #expect(try pkcs1.pkcs8PEM() == PEMFixtures.rsa1024PKCS8 + [0x0A])
  }

  @Test func loadsPEMWithCRLFLineEndings() throws {
    let text = String(decoding: PEMFixtures.rsa1024PKCS1, as: UTF8.self)
    let crlf = Array(text.split(separator: "\n").joined(separator: "\r\n").utf8)
    #expect(try PrivateKey(pem: crlf).bits == 1024)
  }

  @Test(arguments: [0, 1, 30, 200, 600])
  func rejectsTruncatedPEMWithoutDoubleFree(keep: Int) {
    let truncated = Array(PEMFixtures.rsa1024PKCS1.prefix(keep))
    #expect(throws: LibCryptoError.self) { try PrivateKey(pem: truncated) }
  }

  @Test func rejectsGarbage() {
    let inputs: [[UInt8]] = [
      Array("not a key\n".utf8),
      Array("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n".utf8),
      Array("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n".utf8),
      (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) },
    ]
    for input in inputs {
      #expect(throws: LibCryptoError.self) { try PrivateKey(pem: input) }
    }
  }

  @Test func refusesEncryptedKeyWithoutPrompting() {
    #expect(
      throws: LibCryptoError.invalidInput(
        "encrypted private key: decrypt it with openssl pkey first")
    ) { try PrivateKey(pem: PEMFixtures.rsa1024Encrypted) }
  }

  @Test func refusesOtherKeyTypes() {
    #expect(throws: LibCryptoError.unsupportedKey("ec")) { try PrivateKey(pem: PEMFixtures.ecP256) }
  }

  @Test func failureCarriesTheOpenSSLErrorStack() {
    do {
      _ = try PrivateKey(pem: Array("junk".utf8))
      Issue.record("junk loaded as a key")
    } catch {
      guard case .openssl(let operation, let stack) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(operation == "read pem private key")
      #expect(!stack.isEmpty && stack.allSatisfy { $0.contains(".c:") }, "\(stack)")
    }
  }
}
