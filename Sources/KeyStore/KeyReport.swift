/// What `domain list` and `domain show` found about one key file.
public struct KeyReport: Sendable {
  /// The selector (the file name).
  public let selector: String
  /// The key file's path.
  public let path: String
  /// The record file's path, if there is one.
  public let recordPath: String?
  /// The loaded key's algorithm, bits, fingerprint and record; nil when it did not load.
  public let key: LoadedKey?
  /// The key file's permissions.
  public let permissions: ObservedPermissions
  /// True when the permissions are the convention's.
  public let matchesConvention: Bool
  /// What needs attention, each with its fix.
  public let problems: [String]

  /// Facts about a key that loaded.
  public struct LoadedKey: Sendable {
    /// The algorithm and size.
    public let spec: String
    /// The algorithm name (`rsa`, `ed25519`).
    public let algorithm: String
    /// The size in bits.
    public let bits: Int
    /// `sha256:` and the hex SHA-256 of the DER public key, as
    /// `openssl pkey -pubout -outform DER | sha256sum` prints it.
    public let fingerprint: String
    /// The record to publish for it.
    public let record: PublishedKeyRecord
    /// True for RSA under 1024 bits, which DKIM verifiers refuse.
    public let isWeak: Bool
  }
}

/// What `domain list` and `domain show` found about one domain directory.
public struct DomainReport: Sendable {
  /// The directory name (normally the domain, lower case).
  public let name: String
  /// The directory's path.
  public let path: String
  /// For an alias link (`alias.example -> real.example`), the real domain it signs as.
  public let aliasOf: String?
  /// The directory's permissions.
  public let permissions: ObservedPermissions
  /// True when the permissions are the convention's.
  public let matchesConvention: Bool
  /// The keys, by selector.
  public let keys: [KeyReport]
  /// What needs attention in the directory itself, each with its fix.
  public let problems: [String]
}

/// Everything `domain list` reports.
public struct KeyInventory: Sendable {
  /// The key directory.
  public let path: String
  /// The expected ownership, as `owner:group`.
  public let convention: String
  /// The domains, by name.
  public let domains: [DomainReport]
  /// Problems that concern the whole tree (such as a missing group).
  public let problems: [String]

  /// Every problem in the tree, prefixed with the path it concerns.
  public var allProblems: [String] {
    problems
      + domains.flatMap { domain in
        domain.problems.map { "\(domain.path): \($0)" }
          + domain.keys.flatMap { key in key.problems.map { "\(key.path): \($0)" } }
      }
  }
}
