import TestSupport

/// Generates tcp.smtp files mixing valid rules with the grammar's edge cases.
///
/// They let the interop test explore accept/reject and record layout beyond the
/// hand-written fixtures. Invalid lines are rare (about one file in two has one), because one bad line makes
/// tcprules reject the whole file.
enum RandomRules {
  private static let addresses = [
    "127.", "1.2.3.4", "10.0.0.1-9", "10.1-3.", "1.2.3.-2", "1.2.3.9-5", "=mail.example.com",
    "=.example.com", "=", "joe@1.2.3.4", "", "1-3.", "-", "1.2.3.250-300", "a b", "1.#",
    "192.168.0-1.1-2", "1.2.3.08-010", "joe@1.2.3.4-5", "=10.0.0.1-3", "1.2.9.4-5.6",
  ]
  private static let settings = [
    ",RELAYCLIENT=\"\"", ",DKSIGN=\"/var/qmail/control/domainkeys/%/private\"",
    ",DKVERIFY='DEGIJKfh'", ",A=/x/", ",B=|a,b|", ",=\"empty name\"", ",X=abca",
    ",A,B=\"v\"", ", SPACE=\"x\"", ",Z==y=",
  ]
  private static let extras = [
    "# comment", "", "   ", "prose without colon", "  # indented without colon", "\t", "#x:allow",
  ]
  private static let invalid = [
    "1.2.3.a-b:allow", "x-y:allow", ":allow,Q=\"", ":allow,V", ":allow ,X=\"\"", ":allow,",
    ":allow,N=\"v\" ", ":allow,N=\"v\"#c", "127.:allow\r", "127.:permit", "  # note: x",
    "1.2.3.4-5x:deny",
  ]

  static func make(lines: Int, using generator: inout SeededGenerator) -> [UInt8] {
    var text = ""
    for _ in 0..<lines {
      text += line(using: &generator) + "\n"
    }
    return Array(text.utf8)
  }

  private static func line(using generator: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<100, using: &generator) {
    case 0..<2: return invalid.randomElement(using: &generator) ?? ""
    case 2..<17: return extras.randomElement(using: &generator) ?? ""
    default:
      var text = (addresses.randomElement(using: &generator) ?? "") + ":"
      text += Bool.random(using: &generator) ? "allow" : "deny"
      for _ in 0..<Int.random(in: 0...3, using: &generator) {
        text += settings.randomElement(using: &generator) ?? ""
      }
      return text
    }
  }
}
