import LibCrypto

/// A DKIM signing algorithm (a= tag).
public enum DKIMAlgorithm: String, Sendable, Hashable, CaseIterable {
  /// `rsa-sha256`, the default (RFC 6376).
  case rsaSHA256 = "rsa-sha256"
  /// `ed25519-sha256` (RFC 8463).
  case ed25519SHA256 = "ed25519-sha256"
  /// `rsa-sha1`: obsolete; RFC 8301 forbids signing with it and accepting it.
  case legacyRSASHA1 = "rsa-sha1"

  /// The digest for the header and body hashes.
  var digest: DigestAlgorithm { self == .legacyRSASHA1 ? .sha1 : .sha256 }

  /// The key type (k=) the algorithm needs.
  var keyAlgorithm: KeyAlgorithm { self == .ed25519SHA256 ? .ed25519 : .rsa }

  /// The hash name as key records list it in h=.
  var hashName: String { self == .legacyRSASHA1 ? "sha1" : "sha256" }

  /// Whether RFC 8301 calls the algorithm too weak to accept.
  public var isWeak: Bool { self == .legacyRSASHA1 }
}
