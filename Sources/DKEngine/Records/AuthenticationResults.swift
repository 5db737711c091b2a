import LibCrypto

/// The `Authentication-Results:` header field (RFC 8601) for a verified message: one field,
/// a `dkim=` result per DKIM-Signature and one `domainkeys=` result, under the host's
/// authserv-id; and the incoming fields that claim that authserv-id, which a receiver must
/// remove (RFC 8601 §5) so nobody can forge its verdicts.
public enum AuthenticationResults {
  /// The whole field, folded with one result per line, ending in `lineEnding`.
  public static func field(
    authservID: String, domainKeys: DomainKeysResult, dkim: [DKIMResult], lineEnding: String
  ) -> [UInt8] {
    var results = dkim.map(dkimResult)
    results.append(domainKeysResult(domainKeys))
    let text =
      "Authentication-Results: \(value(authservID));"
      + results.map { lineEnding + "\t" + $0 }.joined(separator: ";") + lineEnding
    return Array(text.utf8)
  }

  /// The fields of `message` whose authserv-id is `authservID` (compared case-insensitively),
  /// each as the byte range of its lines in `message.headerBytes`, line ends included.
  public static func fieldsClaiming(_ authservID: String, in message: Message) -> [Range<Int>] {
    let wanted = authservID.lowercased()
    let count = message.headerBytes.count
    return message.fieldIndexes(named: "authentication-results").compactMap { index in
      let field = message.fields[index]
      guard self.authservID(of: message.value(of: field))?.lowercased() == wanted else {
        return nil
      }
      var end = field.range.upperBound
      let tail = message.headerBytes[end..<min(end + 2, count)]
      if tail.first == 0x0D && tail.dropFirst().first == 0x0A { end += 2 }
      if tail.first == 0x0A { end += 1 }
      return field.range.lowerBound..<end
    }
  }

  /// The authserv-id a field value starts with (after comments and folding), or nil when
  /// it has none.
  static func authservID(of value: ArraySlice<UInt8>) -> String? {
    var bytes = value
    skipComments(&bytes)
    if bytes.first == UInt8(ascii: "\"") {
      var text: [UInt8] = []
      bytes = bytes.dropFirst()
      while let byte = bytes.popFirst() {
        if byte == UInt8(ascii: "\"") { return String(decoding: text, as: UTF8.self) }
        if byte == UInt8(ascii: "\\"), let escaped = bytes.popFirst() {
          text.append(escaped)
        } else if byte != 0x0D && byte != 0x0A {
          text.append(byte)
        }
      }
      return nil
    }
    let token = bytes.prefix(while: isTokenByte)
    return token.isEmpty ? nil : String(decoding: token, as: UTF8.self)
  }

  // Folding white space and (nested) comments.
  private static func skipComments(_ bytes: inout ArraySlice<UInt8>) {
    var depth = 0
    while let byte = bytes.first {
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A: break
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")") where depth > 0: depth -= 1
      case UInt8(ascii: "\\") where depth > 0: bytes = bytes.dropFirst()
      default: if depth == 0 { return }
      }
      bytes = bytes.dropFirst()
    }
  }

  private static func dkimResult(_ result: DKIMResult) -> String {
    var text = "dkim=\(result.verdict.word)"
    switch result.verdict {
    case .fail(let failure): text += " reason=" + quoted(failure.rawValue)
    case .permerror(let why), .temperror(let why): text += " reason=" + quoted(why)
    case .pass, .none: break
    }
    guard let signature = result.signature else { return text }
    let b = String(Base64.encode(signature.signature).prefix(8))
    return text
      + " header.d=\(value(signature.domain)) header.s=\(value(signature.selector))"
      + " header.a=\(signature.algorithm.rawValue) header.b=\(value(b))"
  }

  private static func domainKeysResult(_ result: DomainKeysResult) -> String {
    let status = result.qmailDKStatus
    let word: String
    switch status {
    case .ok: word = "pass"
    case .badSignature: word = "fail"
    case .noSignature: word = "none"
    case .cantVerify, .noResource: word = "temperror"
    case .noKey, .badKey, .syntax, .arguments, .revoked, .internal, .granularity:
      word = "permerror"
    }
    var text = "domainkeys=\(word)"
    if status != .ok && status != .noSignature { text += " reason=" + quoted(result.reason) }
    if let domain = result.domain { text += " header.d=\(value(domain))" }
    return text
  }

  // RFC 2045 token characters: visible ASCII except tspecials.
  private static func isTokenByte(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F && !Array("()<>@,;:\\\"/[]?=".utf8).contains(byte)
  }

  // A token as it is, anything else as a quoted-string (RFC 8601 `value`).
  private static func value(_ text: String) -> String {
    !text.isEmpty && text.utf8.allSatisfy(isTokenByte) ? text : quoted(text)
  }

  // Printable ASCII only, `"` and `\` escaped: the reasons come from messages and DNS.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x22, 0x5C: result += "\\" + String(scalar)
      case 0x20..<0x7F: result.unicodeScalars.append(scalar)
      default: result += "?"
      }
    }
    return result + "\""
  }
}
