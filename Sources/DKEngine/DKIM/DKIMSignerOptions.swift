/// How `DKIMSigner` signs: canonicalization, header fields, times and optional tags.
public struct DKIMSignerOptions: Sendable, Hashable {
  /// The header canonicalization; relaxed by default.
  public var headerCanonicalization: Canonicalization = .relaxed
  /// The body canonicalization; relaxed by default.
  public var bodyCanonicalization: Canonicalization = .relaxed
  /// The field names to sign; nil signs the RFC 6376 §5.4.1 set that the message has.
  public var signedHeaders: [String]? = nil
  /// Whether From is listed once more than it occurs, so no From can be added later.
  public var overSignFrom = true
  /// Seconds until the signature expires (x= = t= + this), or nil for no x=.
  public var expiresAfter: Int? = nil
  /// Whether to add l= with the canonical body length.
  public var includeBodyLength = false
  /// Whether to add t= (the signing time).
  public var includeTimestamp = true
  /// i=, when one is wanted.
  public var identity: String? = nil

  /// The defaults: relaxed/relaxed, the standard header set with From over-signed, t=.
  public init() {}

  /// Field names RFC 6376 §5.4.1 suggests signing.
  public static let recommendedHeaders = [
    "from", "sender", "reply-to", "subject", "date", "message-id", "to", "cc", "mime-version",
    "content-type", "content-transfer-encoding", "content-id", "content-description",
    "resent-date", "resent-from", "resent-sender", "resent-to", "resent-cc",
    "resent-message-id", "in-reply-to", "references", "list-id", "list-help",
    "list-unsubscribe", "list-subscribe", "list-post", "list-owner", "list-archive",
  ]
}
