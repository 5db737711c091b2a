import LibCrypto

/// The engine behind `toaster-dk test-sign` and `test-verify`: one call per message.
public enum DryRun {
  /// Verifies every signature of a message and decides as qmail-dk would.
  public static func verify(_ request: VerifyRequest) -> VerifyReport {
    verify(Message(bytes: request.message), request)
  }

  // The message is given apart from the request so the self-check can pass a signed
  // message whose body is the unsigned one's, not a copy.
  private static func verify(_ message: Message, _ request: VerifyRequest) -> VerifyReport {
    var environment = request.environment
    if let letters = request.dkVerify {
      environment.relayClient = nil
      environment.dkVerify = letters
    }
    // One question per key name for the message, shared by DomainKeys and DKIM.
    let resolver = SharedKeyLookups(request.resolver)
    // Only verify mode is simulated: in sign mode qmail-dk would sign, not judge, the message.
    let outcome =
      environment.mode.isVerify
      ? QmailDK.process(
        message, environment: environment, readKey: { _ in .notFound }, resolver: resolver,
        cache: request.cache)
      : QmailDKOutcome(
        mode: environment.mode, action: .passedThrough, keyPath: nil, warnings: [],
        lineEnding: "\n")
    let domainKeys: DomainKeysResult
    switch outcome.action {
    case .verified(let result), .rejected(_, _, .some(let result)): domainKeys = result
    default:
      domainKeys = DomainKeysVerifier(
        resolver: LibdomainkeysKeyResolver(resolver), cache: request.cache
      ).verify(message)
    }
    let dkim = DKIMVerifier(
      resolver: resolver, now: request.now, cache: request.cache,
      acceptsLegacyRSASHA1: request.acceptsLegacyRSASHA1
    ).verify(message)
    return VerifyReport(domainKeys: domainKeys, dkim: dkim, qmailDK: outcome)
  }

  /// Signs a message as qmail-dk would for a relaying client (or with the given keys), then,
  /// unless `request.selfCheck` is off, checks the result with the keys' public halves.
  ///
  /// The first key makes the DomainKeys signature; every key makes a DKIM signature, in
  /// order, the first on top.
  /// - Throws: `DKEngineError` for a key given directly that does not parse or does not
  ///   fit the method, for several keys without DKIM, and for DKIM signing failures.
  public static func sign(
    _ request: SignRequest, readKey: (String) -> QmailDK.KeyFile, cache: KeyCache = KeyCache()
  ) throws(DKEngineError) -> SignReport {
    let message = Message(bytes: request.message)
    let found: [SigningKey]
    let template: String?
    switch try findKeys(request, message: message, readKey: readKey, cache: cache) {
    case .keys(let keys, let used): (found, template) = (keys, used)
    case .report(let report): return report
    }
    guard found.count == 1 || request.method != .dk else {
      throw .dkimSigningFailed("several keys sign DKIM only: choose method dkim or both")
    }
    var headers: [UInt8] = []
    if request.method != .dkim {
      switch domainKeysSignature(request, message: message, key: found[0]) {
      case .signed(let signed): headers = signed
      case let rejection:
        return SignReport(
          outcome: rejection, keys: found, template: template, selfCheck: nil,
          message: request.message)
      }
    }
    if request.method != .dk {
      headers =
        try DKIMSignatureSet.sign(
          message, keys: found, at: request.now, algorithm: request.dkimAlgorithm,
          options: request.dkimOptions) + headers
    }
    let check =
      request.selfCheck ? selfCheck(message.prepending(headers), found, request, cache) : nil
    return SignReport(
      outcome: .signed(headers: headers), keys: found, template: template, selfCheck: check,
      message: request.message)
  }

  // `.signed` with the DomainKey-Signature headers, or `.rejected` as qmail-dk would.
  private static func domainKeysSignature(
    _ request: SignRequest, message: Message, key: SigningKey
  ) -> SignReport.Outcome {
    let signer = DomainKeysSigner(
      key: key.key, selector: key.selector, canonicalization: request.domainKeysCanonicalization)
    do {
      var signature = try signer.sign(message)
      signature = DomainKeysSignature(
        domain: key.domain, selector: signature.selector,
        canonicalization: signature.canonicalization, signature: signature.signature)
      return .signed(
        headers: signature.prependedHeaders(
          lineEnding: message.lineEndings == .crlf ? "\r\n" : "\n"))
    } catch {
      let text = QmailDK.signingText(for: error)
      return .rejected(text: text, smtpReply: "554 " + text.dropFirst())
    }
  }

  // The signed message shares the body of the unsigned one: only its header is copied.
  private static func selfCheck(
    _ signed: Message, _ keys: [SigningKey], _ request: SignRequest, _ cache: KeyCache
  ) -> VerifyReport? {
    var records: [String: KeyLookup] = [:]
    for key in keys {
      guard let record = cache.record(of: key) else { return nil }
      records["\(key.selector)._domainkey.\(key.domain)"] = .found(texts: [record])
    }
    var check = VerifyRequest(
      message: request.message, environment: QmailDKEnvironment([:]), dkVerify: "",
      resolver: StaticKeyResolver(records: records), now: request.now, cache: cache)
    // An rsa-sha1 signature was asked for by name; the self-check says whether it verifies
    // (and marks it weak) rather than refusing it as a receiver would.
    check.acceptsLegacyRSASHA1 = true
    return verify(signed, check)
  }
}
