import LibCrypto
import Testing

@Suite struct SignatureTests {
  let message = Array("From: alice@example.com\r\n\r\nhello\r\n".utf8)

  @Test(arguments: [DigestAlgorithm.sha256, .sha1])
  func rsaSignatureVerifies(algorithm: DigestAlgorithm) throws {
    let key = try PrivateKey(pem: PEMFixtures.rsa1024PKCS8)
    let digest = try DigestContext.hash(algorithm, message)
    let signature = try key.signRSA(digest: digest, algorithm: algorithm)
    #expect(signature.count == 128)
    let publicKey = try key.publicKey()
    #expect(try publicKey.verifyRSA(signature: signature, digest: digest, algorithm: algorithm))
  }

  @Test func wrongRSASignatureIsFalseNotAnError() throws {
    let key = try PrivateKey(pem: PEMFixtures.rsa1024PKCS8)
    let publicKey = try key.publicKey()
    let digest = try DigestContext.hash(.sha256, message)
    var signature = try key.signRSA(digest: digest, algorithm: .sha256)
    let otherDigest = try DigestContext.hash(.sha256, message + [0x41])
    #expect(try !publicKey.verifyRSA(signature: signature, digest: otherDigest, algorithm: .sha256))
    signature[5] ^= 0x01
    #expect(try !publicKey.verifyRSA(signature: signature, digest: digest, algorithm: .sha256))
    #expect(try !publicKey.verifyRSA(signature: [], digest: digest, algorithm: .sha256))
    #expect(
      try !publicKey.verifyRSA(
        signature: Array(signature.prefix(64)), digest: digest, algorithm: .sha256))
  }

  @Test func weakKeySignsSHA1ButNotSHA256() throws {
    // RFC 8301's observation: SHA-256 DigestInfo does not fit a 384-bit modulus.
    let key = try PrivateKey.unsafeGenerateLegacyRSA(bits: 384)
    let sha1 = try DigestContext.hash(.sha1, message)
    let signature = try key.signRSA(digest: sha1, algorithm: .sha1)
    #expect(try key.publicKey().verifyRSA(signature: signature, digest: sha1, algorithm: .sha1))
    let sha256 = try DigestContext.hash(.sha256, message)
    #expect(throws: LibCryptoError.self) { try key.signRSA(digest: sha256, algorithm: .sha256) }
  }

  @Test func ed25519SignatureVerifies() throws {
    let key = try PrivateKey.generateEd25519()
    let signature = try key.signEd25519(message: message)
    #expect(signature.count == 64)
    let publicKey = try key.publicKey()
    #expect(try publicKey.verifyEd25519(signature: signature, message: message))
    #expect(try !publicKey.verifyEd25519(signature: signature, message: message + [0x0A]))
    var damaged = signature
    damaged[0] ^= 0x80
    #expect(try !publicKey.verifyEd25519(signature: damaged, message: message))
    #expect(try !publicKey.verifyEd25519(signature: Array(signature.prefix(63)), message: message))
  }

  @Test func algorithmMismatchThrows() throws {
    let rsa = try PrivateKey(pem: PEMFixtures.rsa1024PKCS8)
    let ed = try PrivateKey.generateEd25519()
    #expect(throws: LibCryptoError.wrongAlgorithm(expected: .ed25519, actual: .rsa)) {
      try rsa.signEd25519(message: message)
    }
    #expect(throws: LibCryptoError.wrongAlgorithm(expected: .rsa, actual: .ed25519)) {
      try ed.signRSA(digest: DigestContext.hash(.sha256, message), algorithm: .sha256)
    }
  }

  @Test func digestOfTheWrongLengthThrows() throws {
    let rsa = try PrivateKey(pem: PEMFixtures.rsa1024PKCS8)
    #expect(throws: LibCryptoError.invalidInput("digest is 20 bytes, not 32")) {
      try rsa.signRSA(digest: DigestContext.hash(.sha1, message), algorithm: .sha256)
    }
  }
}
