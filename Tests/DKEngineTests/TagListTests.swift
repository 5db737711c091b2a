import Testing

@testable import DKEngine

struct TagListTests {
  @Test func parsesDKIMTagsTrimmingFWS() throws {
    let list = try TagList(
      parsing: Array("v=1; a=rsa-sha256;\r\n\tb=ab\r\n cd ;".utf8), dialect: .dkim)
    #expect(list["a"] == "rsa-sha256")
    #expect(list["b"] == "ab\r\n cd")
    #expect(list.tags.count == 3)
  }

  @Test func domainKeysDeletesAllWhitespaceInValues() throws {
    let list = try TagList(parsing: Array("a=rsa-sha1; b=ab\n  cd; c=".utf8), dialect: .domainKeys)
    #expect(list["b"] == "abcd")
    #expect(list["c"] == "")
  }

  @Test(arguments: ["a=1; a=2", "ab=1", "A=1", "x", "a=1;;b=2", "=1"])
  func domainKeysRejectsBadLists(text: String) {
    #expect(throws: DKEngineError.self) {
      try TagList(parsing: Array(text.utf8), dialect: .domainKeys)
    }
  }

  @Test(arguments: ["v=1; v=1", "1a=x", "a b=1", "a=1;;b=2"])
  func dkimRejectsBadLists(text: String) {
    #expect(throws: DKEngineError.self) { try TagList(parsing: Array(text.utf8), dialect: .dkim) }
  }

  @Test func emptyListIsAllowed() throws {
    #expect(try TagList(parsing: Array(" ".utf8), dialect: .dkim).tags.isEmpty)
    #expect(try TagList(parsing: [], dialect: .dkim).tags.isEmpty)
  }
}
