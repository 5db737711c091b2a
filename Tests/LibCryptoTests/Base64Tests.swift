import LibCrypto
import Testing

@Suite struct Base64Tests {
  // RFC 4648 §10 test vectors.
  static let vectors: [(String, String)] = [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
    ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
  ]

  @Test(arguments: vectors)
  func encodesAndDecodesRFC4648Vectors(plain: String, encoded: String) {
    #expect(Base64.encode(Array(plain.utf8)) == encoded)
    #expect(Base64.decode(encoded) == Array(plain.utf8))
  }

  @Test func decodingSkipsFoldingWhitespace() {
    #expect(Base64.decode("Zm9v\r\n YmFy") == Array("foobar".utf8))
  }

  @Test(arguments: ["Zm9", "Zm9v!", "Z===", "Zg==Zg==", "Zm9vY"])
  func rejectsMalformedInput(text: String) {
    #expect(Base64.decode(text) == nil)
  }

  @Test func decodesASubstring() {
    let text = "(Zm9vYg==)"
    #expect(Base64.decode(text.dropFirst().dropLast()) == Array("foob".utf8))
  }

  @Test func roundTripsEveryByteValue() {
    let bytes = (0...255).map(UInt8.init)
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }
}
