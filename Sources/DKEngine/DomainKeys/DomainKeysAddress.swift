/// The sender address DomainKeys takes from a From: or Sender: value.
///
/// Follows libdomainkeys' `dkparse822`: comments and whitespace are dropped,
/// `<`, `,` and `:` restart the address (a list or group yields its last address), `>`
/// and `;` end it. Deliberate deviation: a quoted string is kept as literal text whose
/// `<`, `@`, `,` do not count (RFC 5322), so `"x <a@evil>" <b@good>` gives `b@good` where
/// libdomainkeys takes `a@evil`.
public struct DomainKeysAddress: Sendable, Hashable {
  /// The local part (before the last `@`), as written.
  public let localPart: String
  /// The domain (after the last `@`), case preserved.
  public let domain: String

  /// Why an address could not be taken.
  public enum Failure: Error, Sendable {
    /// A `)` without its `(`.
    case unbalancedComment
    /// No `@`, or nothing after it.
    case noDomain
  }

  /// Extracts the address from a header value.
  ///
  /// - Throws: `Failure` for an unbalanced comment or an address without a domain.
  public init(parsing value: some Collection<UInt8>) throws(Failure) {
    var address: [UInt8] = []
    var depth = 0
    var quoted = false
    var escaped = false
    var inAngle = false
    var finished = false
    for byte in value where !finished {
      if escaped {
        escaped = false
        if quoted { address.append(byte) }
        continue
      }
      if quoted {
        switch byte {
        case UInt8(ascii: "\\"): escaped = true
        case UInt8(ascii: "\""): quoted = false
        default: address.append(byte)
        }
        continue
      }
      if depth > 0 {
        switch byte {
        case UInt8(ascii: "\\"): escaped = true
        case UInt8(ascii: "("): depth += 1
        case UInt8(ascii: ")"): depth -= 1
        default: break
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "("): depth = 1
      case UInt8(ascii: ")"): throw .unbalancedComment
      case UInt8(ascii: "\""): quoted = true
      case 0x20, 0x09, 0x0D, 0x0A: break
      case UInt8(ascii: "<"):
        address.removeAll()
        inAngle = true
      case UInt8(ascii: ","), UInt8(ascii: ":"): address.removeAll()
      case UInt8(ascii: ">"): if inAngle { finished = true } else { address.append(byte) }
      case UInt8(ascii: ";"): finished = true
      default: address.append(byte)
      }
    }
    guard let at = address.lastIndex(of: UInt8(ascii: "@")), at + 1 < address.count else {
      throw .noDomain
    }
    localPart = String(decoding: address[..<at], as: UTF8.self)
    domain = String(decoding: address[(at + 1)...], as: UTF8.self)
  }
}
