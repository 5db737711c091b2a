/// One TXT record to publish: owner name, TTL, value and why it is there.
public struct DNSRecord: Equatable, Sendable {
  /// What the record is for.
  public enum Purpose: String, Sendable {
    /// The selector's public key, for DomainKeys and DKIM.
    case key
    /// The DomainKeys sender policy at `_domainkey.<domain>`.
    case domainKeysPolicy = "domainkeys-policy"
    /// A suggested DMARC record in monitoring mode, not required by toaster-dk.
    case dmarcSuggestion = "dmarc-suggestion"
  }

  /// The owner name without the trailing dot (`private._domainkey.example.com`).
  public let name: String
  /// The time to live in seconds.
  public let ttl: Int
  /// The TXT value as one string (DNS splits it into strings of at most 255 bytes).
  public let value: String
  /// Why the record is there.
  public let purpose: Purpose
  /// A one-line explanation printed as a comment above the record.
  public let comment: String

  /// Creates a record.
  public init(name: String, ttl: Int, value: String, purpose: Purpose, comment: String) {
    self.name = name
    self.ttl = ttl
    self.value = value
    self.purpose = purpose
    self.comment = comment
  }

  /// True for records toaster-dk only suggests.
  public var isSuggestion: Bool { purpose == .dmarcSuggestion }

  /// The value split into character-strings of at most 255 bytes (RFC 1035 §3.3.14), as
  /// BIND needs them written; the split never falls inside a UTF-8 sequence.
  public var characterStrings: [[UInt8]] {
    let bytes = Array(value.utf8)
    if bytes.isEmpty { return [[]] }
    var strings: [[UInt8]] = []
    var start = 0
    while start < bytes.count {
      var end = min(start + 255, bytes.count)
      while end < bytes.count, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      strings.append(Array(bytes[start..<end]))
      start = end
    }
    return strings
  }
}
