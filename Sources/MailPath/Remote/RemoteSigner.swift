import DKEngine
import LibCrypto

/// The queue-exit signer, which chooses the key by the From: domain (what DMARC aligns on).
///
/// It signs DKIM rsa-sha256 (plus a second signature per further selector, for example
/// Ed25519), relaxed/relaxed, From over-signed, no l=.
public enum RemoteSigner {
  /// Decides about `request.message`.
  ///
  /// Unsigned (with the reason) when the message has no single From: with a domain, the
  /// domain is no domain name, it has no key, or it already carries a valid signature of
  /// ours for that domain; a deferral when a key exists but cannot be read or used.
  public static func decide(_ request: RemoteRequest) -> RemoteResult {
    let message = Message(bytes: request.message)
    let from: DomainKeysAddress
    switch fromAddress(message) {
    case .success(let address): from = address
    case .failure(let reason): return unsigned(reason, domain: nil)
    }
    let isBounce =
      (request.sender.isEmpty || request.sender == "#@[]")
      && from.localPart.uppercased() == "MAILER-DAEMON"
    let domain = (isBounce ? request.selectors.bounceDomain : nil) ?? from.domain
    if let reason = DNSName.problem(inDomain: domain) {
      return unsigned("From: domain \"\(domain)\" is not a domain name (\(reason))", domain: nil)
    }
    let lower = domain.lowercased()
    if alreadySigned(message, domain: lower, request) {
      return unsigned("already carries a valid signature of ours for d=\(lower)", domain: lower)
    }
    var keys: [(key: PrivateKey, selector: String)] = []
    var notes: [String] = []
    for selector in request.selectors.selectors(for: lower) {
      let path = "\(request.keyDirectory)/\(lower)/\(selector)"
      switch request.readKey(path) {
      case .notFound:
        notes.append("no key \(path)")
      case .unreadable(let reason), .notReadableByDryRun(let reason):
        return deferral("unable to read signing key \(path): \(reason)", domain: lower)
      case .contents(let bytes):
        do {
          keys.append((try PrivateKey(pem: QmailDK.controlFileContents(bytes)), selector))
        } catch {
          return deferral("unusable signing key \(path): \(error)", domain: lower)
        }
      }
    }
    guard !keys.isEmpty else {
      return unsigned("no key for \(lower): " + notes.joined(separator: ", "), domain: lower)
    }
    let signing = keys.map {
      SigningKey(
        key: $0.key, domain: lower, selector: $0.selector,
        path: "\(request.keyDirectory)/\(lower)/\($0.selector)")
    }
    let headers: [UInt8]
    do {
      // One pass over the body for every signature (DKIMSignatureSet).
      headers = try DKIMSignatureSet.sign(message, keys: signing, at: request.now)
    } catch {
      return deferral("unable to sign for d=\(lower): \(error)", domain: lower)
    }
    notes += signing.map { "signed d=\(lower) s=\($0.selector) with \($0.path)" }
    return RemoteResult(decision: .sign(headers: headers), domain: lower, notes: notes)
  }

  // The one From: address; DMARC has no single author domain otherwise (RFC 7489 §6.6.1).
  private static func fromAddress(_ message: Message) -> Result<DomainKeysAddress, Reason> {
    let indexes = message.fieldIndexes(named: "from")
    guard let index = indexes.first else { return .failure(Reason("message has no From: field")) }
    guard indexes.count == 1 else {
      return .failure(Reason("message has \(indexes.count) From: fields"))
    }
    guard let address = try? DomainKeysAddress(parsing: message.value(of: message.fields[index]))
    else { return .failure(Reason("From: has no address with a domain")) }
    return .success(address)
  }

  // A signature for d= that verifies with one of this host's keys (the queue filter's).
  private static func alreadySigned(_ message: Message, domain: String, _ request: RemoteRequest)
    -> Bool
  {
    let ours = message.fieldIndexes(named: "dkim-signature").contains { index in
      let value = message.value(of: message.fields[index])
      return (try? SignatureHeader(value: value))?.domain.lowercased() == domain
    }
    guard ours else { return false }
    let directory = request.keyDirectory
    let resolver = LocalKeyResolver { selector, signingDomain in
      request.readKey("\(directory)/\(signingDomain.lowercased())/\(selector)")
    }
    return DKIMVerifier(resolver: resolver, now: request.now).verify(message).contains {
      $0.verdict == .pass && $0.signature?.domain.lowercased() == domain
    }
  }

  private struct Reason: Error {
    let text: String
    init(_ text: String) { self.text = text }
  }

  private static func unsigned(_ reason: Reason, domain: String?) -> RemoteResult {
    unsigned(reason.text, domain: domain)
  }

  private static func unsigned(_ reason: String, domain: String?) -> RemoteResult {
    RemoteResult(decision: .unsigned(reason: reason), domain: domain, notes: [reason])
  }

  private static func deferral(_ reason: String, domain: String) -> RemoteResult {
    RemoteResult(decision: .deferral(reason: reason), domain: domain, notes: [reason])
  }
}
