import Testing

@testable import DKEngine

struct Base64Tests {
  @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar"])
  func roundTripsRFC4648Vectors(text: String) {
    let encoded = Base64.encode(Array(text.utf8))
    #expect(Base64.decode(encoded) == Array(text.utf8))
  }

  @Test func encodesRFC4648Vectors() {
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64.encode(Array("fooba".utf8)) == "Zm9vYmE=")
    #expect(Base64.encode(Array("foob".utf8)) == "Zm9vYg==")
  }

  @Test func skipsFoldingWhiteSpace() {
    #expect(Base64.decode("Zm9v\r\n\tYm Fy") == Array("foobar".utf8))
    #expect(Base64.decode("Zm9vYg") == Array("foob".utf8))
  }

  @Test(arguments: ["Zm9v!mFy", "Zm9vY", "Zm=9v", "Zm9vYg===", "===="])
  func rejectsBrokenText(text: String) {
    #expect(Base64.decode(text) == nil)
  }
}
