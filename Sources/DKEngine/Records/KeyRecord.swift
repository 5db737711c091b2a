/// A public key record (DomainKeys RFC 4870 §3.2.3, DKIM RFC 6376 §3.6.1).
public struct KeyRecord: Sendable, Hashable {
  /// All tags as parsed.
  public let tags: TagList

  /// Parses a key record's TXT text.
  ///
  /// - Throws: `DKEngineError.malformedTagList` when the text is not a tag-list.
  public init(parsing text: String, dialect: TagList.Dialect) throws(DKEngineError) {
    tags = try TagList(parsing: Array(text.utf8), dialect: dialect)
  }

  /// `v=`, when present (DKIM requires `DKIM1` if it is there).
  public var version: String? { tags["v"] }

  /// `k=`, the key type; `rsa` when absent.
  public var keyType: String { tags["k"] ?? "rsa" }

  /// The p= text with whitespace removed; nil when p= is absent, empty when revoked.
  public var publicKeyText: String? {
    tags["p"].map { String(decoding: $0.utf8.filter { !$0.isFWS }, as: UTF8.self) }
  }

  /// `h=`: the acceptable hash algorithms, or nil for any.
  public var hashAlgorithms: [String]? { tags["h"].map(Self.colonList) }

  /// `s=`: the service types; `*` when absent.
  public var serviceTypes: [String] { tags["s"].map(Self.colonList) ?? ["*"] }

  /// `t=`: the flags, such as `y` (testing) and `s` (no subdomains).
  public var flags: [String] { tags["t"].map(Self.colonList) ?? [] }

  /// `g=` (DomainKeys granularity), when present.
  public var granularity: String? { tags["g"] }

  /// Whether t= has the `y` (testing) flag.
  public var isTesting: Bool { flags.contains("y") }

  private static func colonList(_ text: String) -> [String] {
    text.split(separator: ":").map { $0.trimmingCharacters().lowercased() }.filter { !$0.isEmpty }
  }
}

extension Substring {
  /// The text without leading and trailing ASCII whitespace.
  func trimmingCharacters() -> String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
