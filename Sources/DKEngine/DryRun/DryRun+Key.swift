import LibCrypto

extension DryRun {
  enum KeySearch {
    case key(SigningKey, template: String?)
    case report(SignReport)
  }

  /// Finds the key: given directly, from `domain`/`selector`, or as qmail-dk does from DKSIGN.
  static func findKey(
    _ request: SignRequest, message: Message, readKey: (String) -> QmailDK.KeyFile,
    cache: KeyCache
  ) throws(DKEngineError) -> KeySearch {
    var environment = request.environment
    environment.relayClient = environment.relayClient ?? ""
    let ruleTemplate: String
    switch environment.mode {
    case .sign(let template): ruleTemplate = template
    case .verify(let letters):
      guard request.key != nil || request.domain != nil || request.selector != nil else {
        let report = SignReport(
          outcome: .verifiesInstead(letters: letters), key: nil, template: nil, selfCheck: nil,
          message: request.message)
        return .report(report)
      }
      ruleTemplate = QmailDKEnvironment.defaultSignTemplate
    case .passThrough: ruleTemplate = QmailDKEnvironment.defaultSignTemplate
    }
    let selector = request.selector ?? QmailDK.selector(forTemplate: ruleTemplate)
    if let pem = request.key {
      guard let key = cache.privateKey(pem: pem) else {
        do { _ = try PrivateKey(pem: pem) } catch { throw .invalidKey("\(error)") }
        throw .invalidKey("not a private key")
      }
      var domain = request.domain ?? ""
      if request.domain == nil { domain = try senderDomain(of: message) }
      return .key(SigningKey(key: key, domain: domain, selector: selector, path: ""), template: nil)
    }
    var template = ruleTemplate
    if request.domain != nil || request.selector != nil {
      template = request.keyDirectory + "/%/" + selector
    }
    switch QmailDK.signingKey(
      for: message, template: template, domain: request.domain, readKey: readKey, cache: cache)
    {
    case .success(let key): return .key(key, template: template)
    case .failure(let refusal):
      return .report(SignReport(refusal, template: template, message: request.message))
    }
  }

  private static func senderDomain(of message: Message) throws(DKEngineError) -> String {
    let scan = DomainKeysHeaderScan(message, signing: true)
    switch scan.sender(in: message) {
    case .success(let sender): return sender.domain
    case .failure(let failure):
      throw .domainKeysSigningFailed(failure.status, reason: failure.reason)
    }
  }
}

extension SignReport {
  init(_ refusal: QmailDKRefusal, template: String, message: MessageBytes) {
    let outcome: Outcome
    switch refusal.action {
    case .rejected(let text, _, _):
      outcome = .rejected(
        text: text, smtpReply: (text.hasPrefix("Z") ? "451 " : "554 ") + text.dropFirst())
    default:
      outcome = .unsigned(keyPath: refusal.keyPath ?? template)
    }
    self.init(outcome: outcome, key: nil, template: template, selfCheck: nil, message: message)
  }
}
