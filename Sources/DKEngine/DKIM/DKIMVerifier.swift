import LibCrypto

/// Verifies every DKIM-Signature of a message, each judged on its own (RFC 6376 §6).
public struct DKIMVerifier {
  /// Where key records come from.
  public let resolver: any KeyResolver
  /// The current time in seconds since the epoch, for t= and x= (an injected clock).
  public let now: Int
  /// How far in the future t= may lie before the signature is refused (clock skew).
  public let allowedClockSkew: Int
  /// At most this many signatures are checked; later ones are reported as permerror.
  public let maximumSignatures: Int
  /// Keys already parsed.
  public let cache: KeyCache
  /// Whether an rsa-sha1 signature that verifies passes; RFC 8301 §3.1 says verifiers MUST
  /// NOT consider rsa-sha1 signatures valid, so by default it is a permerror.
  public let acceptsLegacyRSASHA1: Bool

  /// The default `allowedClockSkew`: five minutes.
  public static let defaultClockSkew = 300

  /// Creates a verifier that fetches keys through `resolver` and judges t= and x= against
  /// `now`.
  public init(
    resolver: any KeyResolver, now: Int, allowedClockSkew: Int = defaultClockSkew,
    maximumSignatures: Int = 16, cache: KeyCache = KeyCache(), acceptsLegacyRSASHA1: Bool = false
  ) {
    self.acceptsLegacyRSASHA1 = acceptsLegacyRSASHA1
    self.resolver = resolver
    self.now = now
    self.allowedClockSkew = allowedClockSkew
    self.maximumSignatures = maximumSignatures
    self.cache = cache
  }

  /// One result per DKIM-Signature field in message order, or a single `none`.
  public func verify(_ message: Message) -> [DKIMResult] {
    let indexes = message.fieldIndexes(named: "dkim-signature")
    guard !indexes.isEmpty else { return [DKIMResult(.none)] }
    let bodies = DKIMBodyHasher(message: message)
    return indexes.enumerated().map { position, index in
      guard position < maximumSignatures else {
        return DKIMResult(.permerror("too many signatures"))
      }
      return verify(fieldAt: index, of: message, bodies: bodies)
    }
  }

  private func verify(fieldAt index: Int, of message: Message, bodies: DKIMBodyHasher)
    -> DKIMResult
  {
    let field = message.fields[index]
    let signature: SignatureHeader
    do {
      signature = try SignatureHeader(value: message.value(of: field))
    } catch {
      return DKIMResult(.permerror(Self.reason(error)))
    }
    if let problem = timeProblem(signature) {
      return DKIMResult(.permerror(problem), signature: signature)
    }
    let candidates: DKIMKeyCandidates
    switch DKIMKeyLookup(resolver: resolver, cache: cache).keys(for: signature) {
    case .success(let found): candidates = found
    case .failure(.permanent(let reason)):
      return DKIMResult(.permerror(reason), signature: signature)
    case .failure(.temporary(let reason)):
      return DKIMResult(.temperror(reason), signature: signature)
    }
    // Each usable key in turn, until one verifies; the first key's verdict otherwise.
    var results: [DKIMResult] = []
    for (key, record) in candidates.keys {
      let verdict = check(signature, field: field, key: key, message: message, bodies: bodies)
      let result = DKIMResult(
        legacyRule(verdict.verdict, signature), signature: signature, keyBits: key.bits,
        testing: record.isTesting, hasUnsignedBodyContent: verdict.unsignedContent,
        keyRecordCount: candidates.recordCount, keyUsed: results.count + 1)
      if verdict.verdict == .pass { return result }
      results.append(result)
    }
    return results[0]
  }

  // RFC 8301 §3.1: an rsa-sha1 signature is not valid, even when it verifies.
  private func legacyRule(_ verdict: DKIMResult.Verdict, _ signature: SignatureHeader)
    -> DKIMResult.Verdict
  {
    guard verdict == .pass, signature.algorithm == .legacyRSASHA1, !acceptsLegacyRSASHA1 else {
      return verdict
    }
    return .permerror("rsa-sha1 is not accepted under RFC 8301 (the signature itself verified)")
  }

  private func check(
    _ signature: SignatureHeader, field: HeaderField, key: PublicKey, message: Message,
    bodies: DKIMBodyHasher
  ) -> (verdict: DKIMResult.Verdict, unsignedContent: Bool) {
    let algorithm = signature.algorithm
    guard
      let body = try? bodies.hash(
        canonicalization: signature.bodyCanonicalization, digest: algorithm.digest,
        limit: signature.bodyLength)
    else { return (.temperror("digest failed"), false) }
    if let limit = signature.bodyLength, limit > body.length {
      return (.permerror("l= is longer than the body"), false)
    }
    let unsigned = signature.bodyLength.map { $0 < body.length } ?? false
    guard body.hash == signature.bodyHash else { return (.fail(.bodyHash), unsigned) }
    let canonicalizer = DKIMCanonicalizer(
      header: signature.headerCanonicalization, body: signature.bodyCanonicalization,
      lineEndings: message.lineEndings)
    let stripped = DKIMHeaderHasher.removingSignatureValue(message.text(of: field))
    guard
      let digest = try? DKIMHeaderHasher.digest(
        message: message,
        fieldIndexes: DKIMHeaderHasher.selectFields(signature.signedHeaders, in: message),
        signatureField: stripped, canonicalizer: canonicalizer, algorithm: algorithm.digest)
    else { return (.temperror("digest failed"), unsigned) }
    let valid: Bool
    switch algorithm {
    case .ed25519SHA256:
      valid = (try? key.verifyEd25519(signature: signature.signature, message: digest)) ?? false
    case .rsaSHA256, .legacyRSASHA1:
      valid =
        (try? key.verifyRSA(
          signature: signature.signature, digest: digest, algorithm: algorithm.digest))
        ?? false
    }
    return (valid ? .pass : .fail(.signature), unsigned)
  }

  // RFC 6376 §3.5: a signature past x= is PERMFAIL (signature expired); one whose t= lies
  // in the future may be ignored, so allow for clock skew and then refuse it too.
  private func timeProblem(_ signature: SignatureHeader) -> String? {
    if let expiration = signature.expiration, now > expiration { return "signature expired" }
    if let timestamp = signature.timestamp, timestamp > now + allowedClockSkew {
      return "signature timestamp t= is \(timestamp - now) seconds in the future"
    }
    return nil
  }

  private static func reason(_ error: DKEngineError) -> String {
    switch error {
    case .invalidSignatureHeader(let reason): reason
    case .malformedTagList(let reason): "signature syntax error: \(reason)"
    default: "\(error)"
    }
  }
}
