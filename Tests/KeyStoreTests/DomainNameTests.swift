import KeyStore
import Testing

@Suite struct DomainNameTests {
  @Test func lowerCasesAndDropsOneTrailingDot() throws {
    #expect(try DomainName("Mail.Example.COM.").text == "mail.example.com")
    #expect(try DomainName("xn--bcher-kva.example").text == "xn--bcher-kva.example")
  }

  static let hostile: [(String, String)] = [
    ("", "empty name"),
    ("..", "empty label (two dots in a row, or a leading dot)"),
    ("../etc", "empty label (two dots in a row, or a leading dot)"),
    (".example.com", "empty label (two dots in a row, or a leading dot)"),
    ("example..com", "empty label (two dots in a row, or a leading dot)"),
    (
      "example.com/../../etc",
      "\"/\" is not allowed (only letters, digits, - and dots between labels)"
    ),
    ("exa mple.com", "\" \" is not allowed (only letters, digits, - and dots between labels)"),
    ("ex\0ample.com", "\"\\0\" is not allowed (only letters, digits, - and dots between labels)"),
    ("ex_ample.com", "\"_\" is not allowed (only letters, digits, - and dots between labels)"),
    ("-bad.com", "label \"-bad\" starts or ends with -"),
    ("localhost", "a signing domain needs at least two labels (example.com)"),
    (
      "bücher.example",
      "non-ascii names must be given in their xn-- (punycode) form, e.g. with idn2"
    ),
    (
      String(repeating: "a", count: 64) + ".com",
      "label \"\(String(repeating: "a", count: 64))\" is longer than 63 bytes"
    ),
    (
      Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: "."),
      "longer than 253 bytes"
    ),
  ]

  @Test(arguments: hostile)
  func refusesHostileNames(name: String, reason: String) {
    #expect(throws: KeyStoreError.invalidDomain(name, reason: reason)) { try DomainName(name) }
  }

  @Test func errorMessageNamesTheInput() {
    let error = KeyStoreError.invalidDomain("a/b.com", reason: "\"/\" is not allowed")
    #expect(error.description == "invalid domain \"a/b.com\": \"/\" is not allowed")
  }
}
