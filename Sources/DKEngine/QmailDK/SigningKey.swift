import LibCrypto

/// A private key found for signing, with the domain and selector it signs for.
public struct SigningKey: Sendable {
  /// The private key.
  public let key: PrivateKey
  /// The signing domain (d=).
  public let domain: String
  /// The selector (s=).
  public let selector: String
  /// Where the key was read from (a system path, or a file named by the user).
  public let path: String

  /// Creates a signing key.
  public init(key: PrivateKey, domain: String, selector: String, path: String) {
    self.key = key
    self.domain = domain
    self.selector = selector
    self.path = path
  }

  /// The public key record for this key: `k=rsa; p=…` (SPKI) or `v=DKIM1; k=ed25519; p=…`.
  ///
  /// - Throws: `LibCryptoError` when the public key cannot be derived.
  public func record() throws(LibCryptoError) -> String {
    let publicKey = try key.publicKey()
    if key.algorithm == .ed25519 {
      return "v=DKIM1; k=ed25519; p=" + Base64.encode(try publicKey.ed25519Raw())
    }
    return "k=rsa; p=" + Base64.encode(try publicKey.subjectPublicKeyInfoDER())
  }
}

/// What qmail-dk does instead of signing: queue unsigned, or reject.
public struct QmailDKRefusal: Error, Sendable, Hashable {
  /// The action (`unsignedMissingKey` or `rejected`).
  public let action: QmailDKOutcome.Action
  /// The key path tried, when `%` substitution got that far.
  public let keyPath: String?
  /// Why, when more can be said than the action: the key file was not looked for, or
  /// could not be read.
  public let reason: String?

  init(_ action: QmailDKOutcome.Action, keyPath: String? = nil, reason: String? = nil) {
    self.action = action
    self.keyPath = keyPath
    self.reason = reason
  }
}
