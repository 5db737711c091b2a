import KeyStore
import Testing

@Suite struct JSONValueTests {
  @Test func writesSortedKeysOnOneLine() {
    let value = JSONValue.object([("b", .int(1)), ("a", .array([.bool(true), .null]))])
    #expect(value.text == "{\"a\":[true,null],\"b\":1}")
  }

  @Test func escapesStrings() {
    #expect(JSONValue.string("a\"b\\c\n\u{1}/").text == "\"a\\\"b\\\\c\\n\\u0001/\"")
  }
}
