public import LibCrypto

/// What kind of key to generate: RSA of a checked size, or Ed25519.
public struct KeySpec: Equatable, Sendable, CustomStringConvertible {
  /// The RSA size used when none is given.
  public static let defaultRSABits = 2048
  /// Sizes accepted without the legacy option.
  public static let rsaBits = 2048...4096
  /// Sizes accepted with the legacy option: old toasters' 1024 and what dknewkey made.
  public static let legacyRSABits = 384...4096

  /// The algorithm.
  public let algorithm: KeyAlgorithm
  /// The size in bits (256 for Ed25519).
  public let bits: Int
  /// True when the size is below 2048 and needed the legacy option.
  public let isLegacySize: Bool

  /// Checks the requested algorithm and size.
  ///
  /// RSA defaults to 2048 bits. Under 2048 needs `allowLegacySize` (RFC 8301 makes 1024
  /// the floor for verifiers, and keys under it are refused by DKIM verifiers); Ed25519
  /// takes no size.
  /// - Throws: `KeyStoreError.invalidKeySize` with the option that would allow it.
  public init(algorithm: KeyAlgorithm, bits: Int?, allowLegacySize: Bool = false)
    throws(KeyStoreError)
  {
    self.algorithm = algorithm
    switch algorithm {
    case .ed25519:
      if let bits, bits != 256 {
        throw .invalidKeySize(bits: bits, reason: "ed25519 keys are always 256 bits: drop --bits")
      }
      self.bits = 256
      self.isLegacySize = false
    case .rsa:
      let bits = bits ?? Self.defaultRSABits
      if bits > Self.rsaBits.upperBound || bits < Self.legacyRSABits.lowerBound {
        throw .invalidKeySize(bits: bits, reason: "use --bits 2048 (up to 4096)")
      }
      if bits < Self.rsaBits.lowerBound, !allowLegacySize {
        throw .invalidKeySize(
          bits: bits,
          reason: bits < 1024
            ? "dkim verifiers refuse keys under 1024 bits (rfc 8301): use --bits 2048,"
              + " or add --legacy-key-size for a test key"
            : "2048 bits is the minimum recommended (rfc 8301): use --bits 2048,"
              + " or add --legacy-key-size to keep 1024")
      }
      self.bits = bits
      self.isLegacySize = bits < Self.rsaBits.lowerBound
    }
  }

  /// Checks an algorithm given by name (`rsa` or `ed25519`), as `init(algorithm:bits:)`.
  ///
  /// - Throws: `KeyStoreError.invalidKeySize` or `invalidAlgorithm`.
  public init(algorithmName: String, bits: Int?, allowLegacySize: Bool = false)
    throws(KeyStoreError)
  {
    guard let algorithm = KeyAlgorithm(rawValue: algorithmName.lowercased()) else {
      throw .invalidAlgorithm(algorithmName)
    }
    try self.init(algorithm: algorithm, bits: bits, allowLegacySize: allowLegacySize)
  }

  /// The algorithm names `init(algorithmName:)` accepts.
  public static let algorithmNames = KeyAlgorithm.allCases.map(\.rawValue)

  /// True when DKIM verifiers refuse a key this small (RSA under 1024 bits).
  public var isWeak: Bool { algorithm == .rsa && bits < 1024 }

  /// Generates a key of this kind.
  ///
  /// - Throws: `KeyStoreError.crypto` when OpenSSL fails.
  public func generate() throws(KeyStoreError) -> PrivateKey {
    do {
      switch algorithm {
      case .ed25519: return try PrivateKey.generateEd25519()
      case .rsa:
        return bits < 1024
          ? try PrivateKey.unsafeGenerateLegacyRSA(bits: bits)
          : try PrivateKey.generateRSA(bits: bits)
      }
    } catch {
      throw .crypto(error)
    }
  }

  /// What to tell the admin about this kind of key, or nil when nothing needs saying.
  public var warning: String? {
    switch algorithm {
    case .ed25519: "ed25519 is DKIM-only: qmail-dk (DomainKeys) signs with rsa keys only"
    case .rsa where isWeak:
      "rsa \(bits) is for tests only: dkim verifiers refuse keys under 1024 bits"
    case .rsa where isLegacySize: "rsa \(bits) is below the 2048 bits rfc 8301 recommends"
    case .rsa: nil
    }
  }

  public var description: String {
    algorithm == .rsa ? "rsa \(bits)" : "ed25519"
  }
}
