import LibCrypto

/// A parsed and checked DKIM-Signature field (RFC 6376 §3.5).
public struct SignatureHeader: Sendable, Hashable {
  /// The signing algorithm (a=).
  public let algorithm: DKIMAlgorithm
  /// The header canonicalization of c=.
  public let headerCanonicalization: Canonicalization
  /// The body canonicalization of c=.
  public let bodyCanonicalization: Canonicalization
  /// d=, the signing domain.
  public let domain: String
  /// s=, the selector.
  public let selector: String
  /// h=, the signed field names, lower-cased, in order.
  public let signedHeaders: [String]
  /// i=, the agent or user identifier; `@` + d= when absent.
  public let identity: String
  /// bh=, decoded.
  public let bodyHash: [UInt8]
  /// b=, decoded.
  public let signature: [UInt8]
  /// l=, the number of body octets signed, when present.
  public let bodyLength: Int?
  /// t=, the signing time in seconds since the epoch, when present.
  public let timestamp: Int?
  /// x=, the expiry time in seconds since the epoch, when present.
  public let expiration: Int?

  /// Reads a DKIM-Signature value.
  ///
  /// - Throws: `DKEngineError.invalidSignatureHeader` with the RFC 6376 §6.1.1 reason
  ///   (PERMFAIL) for anything malformed, missing or unsupported.
  public init(value: some Collection<UInt8>) throws(DKEngineError) {
    let tags = try TagList(parsing: value, dialect: .dkim)
    func required(_ name: String) throws(DKEngineError) -> String {
      guard let value = tags[name] else { throw .invalidSignatureHeader("missing \(name)= tag") }
      return value
    }
    guard try required("v") == "1" else { throw .invalidSignatureHeader("unsupported version") }
    let algorithmName = try required("a").lowercased()
    guard let algorithm = DKIMAlgorithm(rawValue: algorithmName) else {
      throw .invalidSignatureHeader("unsupported algorithm \(algorithmName)")
    }
    self.algorithm = algorithm
    (headerCanonicalization, bodyCanonicalization) = try Self.canonicalization(tags["c"])
    domain = try required("d")
    selector = try required("s")
    signedHeaders = try required("h").split(separator: ":")
      .map { String(decoding: $0.utf8.filter { !$0.isFWS }, as: UTF8.self).lowercased() }
    guard signedHeaders.contains("from") else {
      throw .invalidSignatureHeader("From field not signed")
    }
    guard let bodyHash = Base64.decode(try required("bh")),
      let signature = Base64.decode(try required("b"))
    else { throw .invalidSignatureHeader("bad base64 in bh= or b=") }
    self.bodyHash = bodyHash
    self.signature = signature
    identity = tags["i"] ?? "@" + domain
    bodyLength = try Self.number(tags["l"], "l")
    timestamp = try Self.number(tags["t"], "t")
    expiration = try Self.number(tags["x"], "x")
    try check(tags)
  }

  private func check(_ tags: TagList) throws(DKEngineError) {
    if let query = tags["q"], !query.split(separator: ":").contains(where: { $0 == "dns/txt" }) {
      throw .invalidSignatureHeader("unsupported query method \(query)")
    }
    let identityDomain = identity.split(separator: "@", omittingEmptySubsequences: false).last
      .map { $0.lowercased() }
    let signingDomain = domain.lowercased()
    guard let identityDomain, identity.contains("@"),
      identityDomain == signingDomain || identityDomain.hasSuffix("." + signingDomain)
    else { throw .invalidSignatureHeader("i= domain is not d= or a subdomain of it") }
    if let timestamp, let expiration, expiration < timestamp {
      throw .invalidSignatureHeader("x= is before t=")
    }
  }

  private static func canonicalization(_ text: String?) throws(DKEngineError) -> (
    Canonicalization, Canonicalization
  ) {
    guard let text else { return (.simple, .simple) }
    let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false)
    let words = parts.map { Canonicalization(word: String($0)) }
    guard parts.count <= 2, let header = words[0], header != .nofws else {
      throw .invalidSignatureHeader("unsupported canonicalization \(text)")
    }
    let body = parts.count == 2 ? words[1] : .simple
    guard let body, body != .nofws else {
      throw .invalidSignatureHeader("unsupported canonicalization \(text)")
    }
    return (header, body)
  }

  private static func number(_ text: String?, _ name: String) throws(DKEngineError) -> Int? {
    guard let text else { return nil }
    guard !text.isEmpty, text.utf8.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }),
      let value = Int(text)
    else { throw .invalidSignatureHeader("\(name)= is not a number") }
    return value
  }
}
