import Testing

@testable import TcpRules

@Suite struct UnifiedDiffTests {
  private func diff(_ old: String, _ new: String) -> String {
    String(
      decoding: UnifiedDiff(old: Array(old.utf8), new: Array(new.utf8), path: "f").text,
      as: UTF8.self)
  }

  @Test func equalFilesHaveNoDiff() {
    #expect(diff("a\nb\n", "a\nb\n").isEmpty)
  }

  @Test func changedLineGetsContextAndOneHunk() {
    let old = (1...9).map { "l\($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "l5\n", with: "L5\n")
    #expect(
      diff(old, new) == """
        --- f
        +++ f (new)
        @@ -2,7 +2,7 @@
         l2
         l3
         l4
        -l5
        +L5
         l6
         l7
         l8

        """)
  }

  @Test func distantChangesGetSeparateHunksAndCloseOnesMerge() {
    let old = (1...20).map { "l\($0)\n" }.joined()
    var new = old.replacingOccurrences(of: "l1\n", with: "x1\n")
    new = new.replacingOccurrences(of: "l20\n", with: "x20\n")
    let text = diff(old, new)
    #expect(text.components(separatedBy: "@@ -").count == 3)
    #expect(text.contains("@@ -1,4 +1,4 @@\n-l1\n+x1\n"))
    #expect(text.contains("@@ -17,4 +17,4 @@\n l17\n l18\n l19\n-l20\n+x20\n"))
    let close = diff("a\nb\nc\nd\n", "A\nb\nc\nD\n")
    #expect(close.components(separatedBy: "@@ -").count == 2)
  }

  @Test func fileWithoutFinalNewlineDiffsItsLastLine() {
    #expect(diff("a\nb", "a\nc").hasSuffix(" a\n-b\n+c\n"))
  }
}
