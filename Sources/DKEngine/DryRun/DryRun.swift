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
    // Only verify mode is simulated: in sign mode qmail-dk would sign, not judge, the message.
    let outcome =
      environment.mode.isVerify
      ? QmailDK.process(
        message, environment: environment, readKey: { _ in .notFound }, resolver: request.resolver,
        cache: request.cache)
      : QmailDKOutcome(
        mode: environment.mode, action: .passedThrough, keyPath: nil, warnings: [],
        lineEnding: "\n")
    let domainKeys: DomainKeysResult
    switch outcome.action {
    case .verified(let result), .rejected(_, _, .some(let result)): domainKeys = result
    default:
      domainKeys = DomainKeysVerifier(resolver: request.resolver, cache: request.cache)
        .verify(message)
    }
    let dkim = DKIMVerifier(resolver: request.resolver, now: request.now, cache: request.cache)
      .verify(message)
    return VerifyReport(domainKeys: domainKeys, dkim: dkim, qmailDK: outcome)
  }

  /// Signs a message as qmail-dk would for a relaying client (or with the given key), then,
  /// unless `request.selfCheck` is off, checks the result with the key's public half.
  ///
  /// - Throws: `DKEngineError` for a key given directly that does not parse or does not
  ///   fit the method, and for DKIM signing failures.
  public static func sign(
    _ request: SignRequest, readKey: (String) -> QmailDK.KeyFile, cache: KeyCache = KeyCache()
  ) throws(DKEngineError) -> SignReport {
    let message = Message(bytes: request.message)
    let found: SigningKey
    let template: String?
    switch try findKey(request, message: message, readKey: readKey, cache: cache) {
    case .key(let key, let used):
      (found, template) = (key, used)
    case .report(let report):
      return report
    }
    var headers: [UInt8] = []
    if request.method != .dkim {
      let signer = DomainKeysSigner(
        key: found.key, selector: found.selector,
        canonicalization: request.domainKeysCanonicalization)
      do {
        var signature = try signer.sign(message)
        signature = DomainKeysSignature(
          domain: found.domain, selector: signature.selector,
          canonicalization: signature.canonicalization, signature: signature.signature)
        headers = signature.prependedHeaders(
          lineEnding: message.lineEndings == .crlf ? "\r\n" : "\n")
      } catch {
        let text = QmailDK.signingText(for: error)
        return SignReport(
          outcome: .rejected(text: text, smtpReply: "554 " + text.dropFirst()), key: found,
          template: template, selfCheck: nil, message: request.message)
      }
    }
    if request.method != .dk {
      let signer = try DKIMSigner(
        key: found.key, domain: found.domain, selector: found.selector,
        algorithm: request.dkimAlgorithm, options: request.dkimOptions)
      headers = try signer.sign(message, at: request.now).prependedHeader + headers
    }
    let check = request.selfCheck ? cache.record(of: found) : nil
    // The signed message shares the body of the unsigned one: only its header is copied.
    let selfCheck = check.map { record in
      verify(
        message.prepending(headers),
        VerifyRequest(
          message: request.message, environment: QmailDKEnvironment([:]), dkVerify: "",
          resolver: StaticKeyResolver(record: record), now: request.now, cache: cache))
    }
    return SignReport(
      outcome: .signed(headers: headers), key: found, template: template, selfCheck: selfCheck,
      message: request.message)
  }
}
