import Testing

@testable import LibCrypto

@Suite struct KeyDERTests {
  private static let spki = Base64.decode(PEMFixtures.rsa1024SPKIBase64) ?? []

  @Test func readsTheModulusAndExponentOfAnRSASubjectPublicKeyInfo() throws {
    let numbers = try #require(KeyDER.rsaPublicNumbers(subjectPublicKeyInfo: Self.spki))
    #expect(numbers.count == 2)
    #expect(numbers[0].count == 128)
    #expect(Array(numbers[1]) == [0x01, 0x00, 0x01])
  }

  @Test func leavesOtherShapesToOpenSSL() throws {
    let ed25519 = try PrivateKey.generateEd25519().publicKey().subjectPublicKeyInfoDER()
    let inputs: [[UInt8]] = [
      [], Self.spki + [0], Array(Self.spki.dropLast()), ed25519,
      // The outer length in a non-minimal long form.
      [0x30, 0x82, 0x00] + Self.spki.dropFirst(3),
    ]
    for input in inputs {
      #expect(KeyDER.rsaPublicNumbers(subjectPublicKeyInfo: input) == nil)
    }
  }

  @Test func readsOnlyMinimalPositiveIntegers() {
    let cases: [([UInt8], [UInt8]?)] = [
      ([0x02, 0x01, 0x05], [0x05]),
      ([0x02, 0x02, 0x00, 0x80], [0x80]),
      ([0x02, 0x02, 0x00, 0x7F], nil),
      ([0x02, 0x01, 0x80], nil),
      ([0x02, 0x01, 0x00], nil),
      ([0x02, 0x00], nil),
      ([0x02, 0x81, 0x01, 0x05], nil),
      ([0x02, 0x03, 0x01], nil),
    ]
    for (input, expected) in cases {
      var reader = DERReader(input[...])
      #expect(reader.readPositiveInteger().map(Array.init) == expected)
    }
  }

  @Test func readsPrivateNumbersFromBothPEMForms() throws {
    let pkcs1 = try #require(PEMBlock(firstIn: PEMFixtures.rsa1024PKCS1))
    let pkcs8 = try #require(PEMBlock(firstIn: PEMFixtures.rsa1024PKCS8))
    let fromPKCS1 = try #require(KeyDER.rsaPrivateNumbers(pkcs1: pkcs1.der[...]))
    let fromPKCS8 = try #require(KeyDER.rsaPrivateNumbers(pkcs8: pkcs8.der))
    #expect(fromPKCS1.count == 8)
    #expect(fromPKCS1.map(Array.init) == fromPKCS8.map(Array.init))
  }

  @Test func readsTheSeedOfAnEd25519PKCS8Key() throws {
    let key = try PrivateKey.generateEd25519()
    let block = try #require(PEMBlock(firstIn: key.pkcs8PEM()))
    let seed = try #require(KeyDER.ed25519Seed(pkcs8: block.der))
    #expect(try PrivateKey(ed25519Seed: seed).pkcs8PEM() == key.pkcs8PEM())
  }
}
