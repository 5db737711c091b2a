import LibCrypto

/// Signs messages with DomainKeys (RFC 4870, `a=rsa-sha1`) exactly as libdomainkeys does
/// for qmail-dk: every header field, no h=, nofws unless told otherwise.
///
/// rsa-sha1 is obsolete for DKIM (RFC 8301); it is the only DomainKeys algorithm.
public struct DomainKeysSigner: Sendable {
  /// The RSA private key.
  public let key: PrivateKey
  /// The selector written as s=.
  public let selector: String
  /// `nofws` (what qmail-dk uses) or `simple`.
  public let canonicalization: Canonicalization

  /// Creates a signer.
  public init(key: PrivateKey, selector: String, canonicalization: Canonicalization = .nofws) {
    self.key = key
    self.selector = selector
    self.canonicalization = canonicalization
  }

  /// Signs `message`; d= is the Sender: domain if there is a Sender:, else the From: domain.
  ///
  /// - Throws: `DKEngineError.domainKeysSigningFailed` with libdomainkeys' status:
  ///   SYNTAX for unusable headers, BADKEY for a key that cannot sign, ARGS for a
  ///   canonicalization DomainKeys does not have.
  public func sign(_ message: Message) throws(DKEngineError) -> DomainKeysSignature {
    guard canonicalization == .nofws || canonicalization == .simple else {
      throw .domainKeysSigningFailed(.arguments, reason: "DomainKeys has no \(canonicalization)")
    }
    let scan = DomainKeysHeaderScan(message, signing: true)
    if let error = scan.syntaxError {
      throw .domainKeysSigningFailed(.syntax, reason: error.reason)
    }
    let sender: DomainKeysAddress
    switch scan.sender(in: message) {
    case .success(let address): sender = address
    case .failure(let failure):
      throw .domainKeysSigningFailed(failure.status, reason: failure.reason)
    }
    guard key.algorithm == .rsa else {
      throw .domainKeysSigningFailed(.badKey, reason: "DomainKeys needs an RSA key")
    }
    do {
      let digest = try DomainKeysHasher.digest(
        of: message, fieldIndexes: message.fields.indices, canonicalization: canonicalization)
      let signature = try key.signRSA(digest: digest, algorithm: .sha1)
      return DomainKeysSignature(
        domain: sender.domain, selector: selector, canonicalization: canonicalization,
        signature: Base64.encode(signature))
    } catch {
      throw .domainKeysSigningFailed(.badKey, reason: "\(error)")
    }
  }
}
