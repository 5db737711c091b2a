internal import COpenSSL

/// A message digest the signers and verifiers use.
public enum DigestAlgorithm: Sendable {
  /// SHA-1: DomainKeys and legacy `rsa-sha1` only (RFC 8301 forbids it for DKIM).
  case sha1
  /// SHA-256: DKIM `rsa-sha256` and `ed25519-sha256`.
  case sha256

  /// The length of a digest in bytes.
  public var digestLength: Int {
    switch self {
    case .sha1: 20
    case .sha256: 32
    }
  }

  // EVP_sha1/EVP_sha256 return static method tables: borrowed, never freed.
  var method: OpaquePointer? {
    switch self {
    case .sha1: EVP_sha1()
    case .sha256: EVP_sha256()
    }
  }
}
