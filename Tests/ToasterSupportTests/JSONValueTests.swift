import Testing
import ToasterSupport

@Suite struct JSONValueTests {
  @Test func writesSortedKeysOnOneLine() {
    let value = JSONValue.object([("b", .int(1)), ("a", .array([.bool(true), .null]))])
    #expect(value.text == #"{"a":[true,null],"b":1}"#)
  }

  @Test func sortsKeysByUTF8BytesAtEveryLevel() {
    let value = JSONValue.object([
      ("é", .int(1)), ("z", .int(2)), ("a_c", .int(3)), ("aB", .int(4)), ("A", .int(5)),
      ("nested", .object([("y", .bool(false)), ("x", .bool(true))])),
    ])
    #expect(
      value.text == #"{"A":5,"aB":4,"a_c":3,"nested":{"x":true,"y":false},"z":2,"é":1}"#)
  }

  @Test func keepsArrayOrder() {
    #expect(JSONValue.array([.int(3), .string("1"), .int(2)]).text == #"[3,"1",2]"#)
    #expect(JSONValue.array([]).text == "[]")
    #expect(JSONValue.object([]).text == "{}")
  }

  @Test func escapesQuotesAndBackslashesButNotSlashes() {
    #expect(JSONValue.string(#"a"b\c/d"#).text == #""a\"b\\c/d""#)
  }

  @Test func escapesEveryControlCharacter() {
    let all = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let expected =
      #"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
      + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b"#
      + #"\u001c\u001d\u001e\u001f"#
    #expect(JSONValue.string(all).text == "\"" + expected + "\"")
  }

  @Test func writesNonASCIIAndDeleteAsThemselves() {
    let text = "\u{7F}é€😀\u{2028}\u{FEFF}"
    #expect(JSONValue.string(text).text == "\"" + text + "\"")
    #expect(Array(JSONValue.string("é").text.utf8) == [0x22, 0xC3, 0xA9, 0x22])
  }

  @Test func escapesKeysLikeStrings() {
    #expect(JSONValue.object([("a\"\n", .null)]).text == #"{"a\"\n":null}"#)
  }

  @Test func writesIntegersInFull() {
    #expect(JSONValue.int(0).text == "0")
    #expect(JSONValue.int(-5).text == "-5")
    #expect(JSONValue.int(Int.max).text == "9223372036854775807")
    #expect(JSONValue.int(Int.min).text == "-9223372036854775808")
  }

  @Test func leavesOutMissingMembersOnlyWhenAsked() {
    let members: [(String, JSONValue?)] = [("a", nil), ("b", .int(1)), ("c", .null)]
    #expect(JSONValue.object(omittingNil: members).text == #"{"b":1,"c":null}"#)
    #expect(JSONValue.string(orNull: nil).text == "null")
    #expect(JSONValue.string(orNull: "x").text == #""x""#)
  }

  @Test func equalityIsByText() {
    #expect(
      JSONValue.object([("a", .int(1)), ("b", .int(2))])
        == .object([("b", .int(2)), ("a", .int(1))]))
    #expect(JSONValue.string("1") != .int(1))
  }
}
