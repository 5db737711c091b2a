import LibCrypto

extension DryRun {
  enum KeySearch {
    case keys([SigningKey], template: String?)
    case report(SignReport)
  }

  /// Finds the keys: given directly, from `domain`/`selectors`, or as qmail-dk does from
  /// DKSIGN.
  ///
  /// - Throws: `DKEngineError.invalidKey` for a key given directly that does not parse, and
  ///   `.dkimSigningFailed` when several keys are given without one selector each.
  static func findKeys(
    _ request: SignRequest, message: Message, readKey: (String) -> QmailDK.KeyFile,
    cache: KeyCache
  ) throws(DKEngineError) -> KeySearch {
    var environment = request.environment
    environment.relayClient = environment.relayClient ?? ""
    let ruleTemplate: String
    switch environment.mode {
    case .sign(let template): ruleTemplate = template
    case .verify(let letters):
      guard !request.keys.isEmpty || request.domain != nil || !request.selectors.isEmpty else {
        let report = SignReport(
          outcome: .verifiesInstead(letters: letters), keys: [], template: nil, selfCheck: nil,
          message: request.message)
        return .report(report)
      }
      ruleTemplate = QmailDKEnvironment.defaultSignTemplate
    case .passThrough: ruleTemplate = QmailDKEnvironment.defaultSignTemplate
    }
    let selectors =
      request.selectors.isEmpty ? [QmailDK.selector(forTemplate: ruleTemplate)] : request.selectors
    if !request.keys.isEmpty {
      return .keys(
        try givenKeys(request, selectors: selectors, message: message, cache: cache),
        template: nil)
    }
    guard request.domain != nil || !request.selectors.isEmpty else {
      let found = try search(
        ruleTemplate, request, message: message, readKey: readKey, cache: cache)
      return try addingEd25519(found, request, readKey: readKey, cache: cache)
    }
    var keys: [SigningKey] = []
    for selector in selectors {
      if let reason = DNSName.problem(inSelector: selector) {
        throw .invalidName("selector", selector, reason: reason)
      }
      let template = request.keyDirectory + "/%/" + selector
      switch try search(template, request, message: message, readKey: readKey, cache: cache) {
      case .keys(let found, _): keys += found
      case .report(let report): return .report(report)
      }
    }
    return .keys(keys, template: request.keyDirectory + "/%/" + selectors[0])
  }

  // The DKSIGN_ED25519 key, when the rule names one and DKIM is signed.
  private static func addingEd25519(
    _ search: KeySearch, _ request: SignRequest, readKey: (String) -> QmailDK.KeyFile,
    cache: KeyCache
  ) throws(DKEngineError) -> KeySearch {
    guard case .keys(let keys, let template) = search, let first = keys.first,
      request.method != .dk, let ed25519Template = request.environment.dkSignEd25519
    else { return search }
    var unread: (path: String, reason: String)?
    let found = QmailDK.ed25519Key(
      template: ed25519Template, domain: first.domain,
      readKey: { path in
        let file = readKey(path)
        if case .notReadableByDryRun(let reason) = file { unread = (path, reason) }
        return file
      }, cache: cache)
    if let unread { throw .keyNotReadable(path: unread.path, reason: unread.reason) }
    switch found {
    case .success(let key?): return .keys(keys + [key], template: template)
    case .success(nil): return search
    case .failure(let refusal):
      return .report(SignReport(refusal, template: ed25519Template, message: request.message))
    }
  }

  private static func givenKeys(
    _ request: SignRequest, selectors: [String], message: Message, cache: KeyCache
  ) throws(DKEngineError) -> [SigningKey] {
    guard request.keys.count == 1 || selectors.count == request.keys.count else {
      throw .dkimSigningFailed(
        "\(request.keys.count) keys need as many selectors, not \(request.selectors.count)")
    }
    var domain = request.domain ?? ""
    if request.domain == nil { domain = try senderDomain(of: message) }
    var keys: [SigningKey] = []
    for (pem, selector) in zip(request.keys, selectors) {
      guard let key = cache.privateKey(pem: pem) else {
        do { _ = try PrivateKey(pem: pem) } catch { throw .invalidKey("\(error)") }
        throw .invalidKey("not a private key")
      }
      keys.append(SigningKey(key: key, domain: domain, selector: selector, path: ""))
    }
    return keys
  }

  // A key the dry run itself cannot read says nothing of qmail-dk: that is an error.
  private static func search(
    _ template: String, _ request: SignRequest, message: Message,
    readKey: (String) -> QmailDK.KeyFile, cache: KeyCache
  ) throws(DKEngineError) -> KeySearch {
    var unread: (path: String, reason: String)?
    let found = QmailDK.signingKey(
      for: message, template: template, domain: request.domain,
      readKey: { path in
        let file = readKey(path)
        if case .notReadableByDryRun(let reason) = file { unread = (path, reason) }
        return file
      }, cache: cache)
    if let unread { throw .keyNotReadable(path: unread.path, reason: unread.reason) }
    switch found {
    case .success(let key): return .keys([key], template: template)
    case .failure(let refusal):
      var report = SignReport(refusal, template: template, message: request.message)
      if case .unsignedMissingKey(let path) = refusal.action, report.keyProblem == nil {
        report.keyProblem = lowerCaseKeyAdvice(template, missing: path, readKey: readKey)
      }
      return .report(report)
    }
  }

  // qmail-dk keeps the sender domain's case (EXAMPLE.COM), key directories are lower case:
  // when only the lower-case key exists, say so and how to link the name.
  private static func lowerCaseKeyAdvice(
    _ template: String, missing path: String, readKey: (String) -> QmailDK.KeyFile
  ) -> String? {
    guard let percent = template.firstIndex(of: "%") else { return nil }
    let head = template[..<percent]
    let tail = template[template.index(after: percent)...]
    guard path.hasPrefix(head), path.hasSuffix(tail), path.count > head.count + tail.count
    else { return nil }
    let domain = String(path.dropFirst(head.count).dropLast(tail.count))
    let lower = domain.lowercased()
    guard lower != domain, DNSName.isDomain(domain) else { return nil }
    let lowerPath = QmailDK.keyPath(template: template, domain: lower)
    switch readKey(lowerPath) {
    case .notFound, .notReadableByDryRun: return nil
    case .contents, .unreadable: break
    }
    // The link goes where the `%` component is: the domain's directory, or the file itself.
    let directory = head.lastIndex(of: "/").map { String(head[...$0]) } ?? ""
    let prefix = head[(head.lastIndex(of: "/").map { head.index(after: $0) } ?? head.startIndex)...]
    let suffix = tail.prefix { $0 != "/" }
    return "qmail-dk looks for the key with the domain's case kept (\(domain)), and only"
      + " \(lowerPath) exists: to sign mail from \(domain) too, run"
      + " ln -s \(prefix)\(lower)\(suffix) \(directory)\(prefix)\(domain)\(suffix)"
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
    self.init(outcome: outcome, keys: [], template: template, selfCheck: nil, message: message)
    keyProblem = refusal.reason
  }
}
