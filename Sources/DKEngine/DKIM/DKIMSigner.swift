import LibCrypto

/// Signs messages with DKIM (RFC 6376): rsa-sha256 or ed25519-sha256 (RFC 8463).
public struct DKIMSigner: Sendable {
  /// The private key.
  public let key: PrivateKey
  /// The signing domain (d=).
  public let domain: String
  /// The selector (s=).
  public let selector: String
  /// a=, chosen from the key unless rsa-sha1 was asked for explicitly.
  public let algorithm: DKIMAlgorithm
  /// Canonicalization, header list, times and optional tags.
  public let options: DKIMSignerOptions

  /// Creates a signer; `algorithm` nil means rsa-sha256 for RSA keys, ed25519-sha256 otherwise.
  ///
  /// - Throws: `DKEngineError.dkimSigningFailed` when the algorithm does not fit the key,
  ///   the RSA key is under 1024 bits (RFC 8301), or a canonicalization is not DKIM's.
  public init(
    key: PrivateKey, domain: String, selector: String, algorithm: DKIMAlgorithm? = nil,
    options: DKIMSignerOptions = DKIMSignerOptions()
  ) throws(DKEngineError) {
    let chosen = algorithm ?? (key.algorithm == .ed25519 ? .ed25519SHA256 : .rsaSHA256)
    guard chosen.keyAlgorithm == key.algorithm else {
      throw .dkimSigningFailed("\(chosen.rawValue) needs an \(chosen.keyAlgorithm.rawValue) key")
    }
    // RFC 8301 §3.2: signers MUST use RSA keys of at least 1024 bits.
    if key.algorithm == .rsa && key.bits < 1024 {
      throw .dkimSigningFailed("RSA key of \(key.bits) bits is under 1024 (RFC 8301)")
    }
    let canonicalizations = [options.headerCanonicalization, options.bodyCanonicalization]
    guard !canonicalizations.contains(.nofws) else {
      throw .dkimSigningFailed("nofws is a DomainKeys canonicalization")
    }
    self.key = key
    self.domain = domain
    self.selector = selector
    self.algorithm = chosen
    self.options = options
  }

  /// Signs `message` at `time` (seconds since the epoch, for t= and x=).
  ///
  /// - Throws: `DKEngineError.dkimSigningFailed` when the message has no From: field or
  ///   the key cannot sign.
  public func sign(_ message: Message, at time: Int) throws(DKEngineError) -> DKIMSignature {
    try sign(message, at: time, bodies: DKIMBodyHasher(message: message))
  }

  /// Signs with body hashes from `bodies`, shared by the signers of one message.
  func sign(_ message: Message, at time: Int, bodies: DKIMBodyHasher) throws(DKEngineError)
    -> DKIMSignature
  {
    guard !message.fieldIndexes(named: "from").isEmpty else {
      throw .dkimSigningFailed("message has no From: field")
    }
    let names = headerNames(for: message)
    let lineEnding = message.lineEndings == .crlf ? "\r\n" : "\n"
    do {
      let body = try bodies.hash(
        canonicalization: options.bodyCanonicalization, digest: algorithm.digest, limit: nil)
      let unsigned = fieldPrefix(
        names: names, bodyHash: body.hash, bodyLength: body.length, time: time,
        lineEnding: lineEnding)
      let canonicalizer = DKIMCanonicalizer(
        header: options.headerCanonicalization, body: options.bodyCanonicalization,
        lineEndings: message.lineEndings)
      let digest = try DKIMHeaderHasher.digest(
        message: message, fieldIndexes: DKIMHeaderHasher.selectFields(names, in: message),
        signatureField: Array(unsigned.utf8), canonicalizer: canonicalizer,
        algorithm: algorithm.digest)
      let signature =
        algorithm == .ed25519SHA256
        ? try key.signEd25519(message: digest)
        : try key.signRSA(digest: digest, algorithm: algorithm.digest)
      let folded = Self.fold(Base64.encode(signature), lineEnding: lineEnding)
      return DKIMSignature(field: unsigned + folded, lineEnding: lineEnding)
    } catch {
      throw .dkimSigningFailed("\(error)")
    }
  }

  private func headerNames(for message: Message) -> [String] {
    if let names = options.signedHeaders { return names.map { $0.lowercased() } }
    var names: [String] = []
    for name in DKIMSignerOptions.recommendedHeaders {
      let count = message.fieldIndexes(named: name).count
      let extra = name == "from" && options.overSignFrom ? 1 : 0
      names += Array(repeating: name, count: count + extra)
    }
    return names
  }

  // b= goes last, on its own line, so emptying its value (RFC 6376 §3.7) leaves exactly the
  // text that was hashed.
  private func fieldPrefix(
    names: [String], bodyHash: [UInt8], bodyLength: Int, time: Int, lineEnding: String
  ) -> String {
    var tags = [
      "v=1", "a=\(algorithm.rawValue)",
      "c=\(options.headerCanonicalization.rawValue)/\(options.bodyCanonicalization.rawValue)",
      "d=\(domain)", "s=\(selector)",
    ]
    if let identity = options.identity { tags.append("i=\(identity)") }
    if options.includeTimestamp { tags.append("t=\(time)") }
    if let expiresAfter = options.expiresAfter { tags.append("x=\(time + expiresAfter)") }
    if options.includeBodyLength { tags.append("l=\(bodyLength)") }
    tags.append("h=" + names.joined(separator: ":"))
    tags.append("bh=" + Base64.encode(bodyHash))
    var text = "DKIM-Signature:"
    var lineLength = text.count
    for tag in tags {
      if lineLength + tag.count + 2 > 78 {
        text += lineEnding + "\t"
        lineLength = 1
      } else {
        text += " "
        lineLength += 1
      }
      text += tag + ";"
      lineLength += tag.count + 1
    }
    return text + lineEnding + "\tb="
  }

  private static func fold(_ value: String, lineEnding: String) -> String {
    var chunks: [Substring] = []
    var rest = value[...]
    while !rest.isEmpty {
      chunks.append(rest.prefix(72))
      rest = rest.dropFirst(72)
    }
    return chunks.joined(separator: lineEnding + "\t ")
  }
}
