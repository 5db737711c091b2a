/// The public-key algorithms the key layer handles, named as DKIM's `k=` tag names them.
public enum KeyAlgorithm: String, Sendable, CaseIterable {
  /// RSA (PKCS#1 v1.5 signatures), the only algorithm DomainKeys and qmail-dk know.
  case rsa
  /// Ed25519 (RFC 8463), DKIM only.
  case ed25519
}
