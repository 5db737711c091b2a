import LibCrypto

/// A resolver that answers from local private keys: the record is derived from the key file
/// of the selector, so a dry run can verify what this host signs without DNS.
///
/// Records are remembered per name, so a run over many messages reads each key once.
public final class LocalKeyResolver: KeyResolver {
  private let readKey: (_ selector: String, _ domain: String) -> QmailDK.KeyFile
  private var answers: [String: KeyLookup] = [:]

  /// Creates a resolver reading key files through `readKey(selector, domain)`.
  public init(readKey: @escaping (_ selector: String, _ domain: String) -> QmailDK.KeyFile) {
    self.readKey = readKey
  }

  /// The record of the local key, or not found when there is no usable key file or the
  /// names are not a valid selector and domain (`DNSName`), which are never read.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    let name = "\(selector)._domainkey.\(domain)"
    if let answer = answers[name] { return answer }
    var answer = KeyLookup.notFound(
      reason: "no usable key for selector \(selector) of \(domain) in this host's key directory")
    // A d= or s= from a message that is no hostname (`/`, `..`, NUL) is no key, and never
    // a path to probe.
    guard DNSName.isSelector(selector), DNSName.isDomain(domain) else {
      return .notFound(
        reason: "selector \(selector) of \(domain) is not a hostname, so it names no key file")
    }
    if case .contents(let bytes) = readKey(selector, domain),
      let record = try? Self.record(fromPEM: QmailDK.controlFileContents(bytes))
    {
      answer = .found(texts: [record])
    }
    answers[name] = answer
    return answer
  }

  /// The key record (`k=rsa; p=…` or `v=DKIM1; k=ed25519; p=…`) for a PEM private key or
  /// SubjectPublicKeyInfo (`PUBLIC KEY`) public key.
  ///
  /// - Throws: `DKEngineError.invalidKey` when the PEM holds neither.
  public static func record(fromPEM pem: [UInt8]) throws(DKEngineError) -> String {
    if let key = try? PrivateKey(pem: pem) {
      let signing = SigningKey(key: key, domain: "", selector: "", path: "")
      do { return try signing.record() } catch { throw .invalidKey("\(error)") }
    }
    let text = String(decoding: pem, as: UTF8.self)
    // Whole lines, not text.contains(_:), which would link _StringProcessing and its regex
    // engine into the queue filter and the remote signer, whose relocated metadata every
    // start pays for.
    let lines = text.split(whereSeparator: \.isNewline)
    let body = lines.filter { !$0.hasPrefix("-----") }.joined()
    guard lines.contains(where: { $0.hasPrefix("-----BEGIN PUBLIC KEY-----") }),
      let der = Base64.decode(body),
      let key = try? PublicKey(subjectPublicKeyInfo: der)
    else { throw .invalidKey("not a PEM private key or PUBLIC KEY") }
    if key.algorithm == .ed25519, let raw = try? key.ed25519Raw() {
      return "v=DKIM1; k=ed25519; p=" + Base64.encode(raw)
    }
    return "k=rsa; p=" + Base64.encode(der)
  }
}
