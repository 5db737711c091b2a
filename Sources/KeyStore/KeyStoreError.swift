public import LibCrypto
public import ToasterSupport

/// Why a key-store operation failed, phrased to name the path and the fix.
public enum KeyStoreError: Error, Equatable, CustomStringConvertible, Sendable {
  /// A domain name that cannot name a key directory.
  case invalidDomain(String, reason: String)
  /// A selector that cannot name a key file.
  case invalidSelector(String, reason: String)
  /// An RSA size outside what the options allow.
  case invalidKeySize(bits: Int, reason: String)
  /// An algorithm other than rsa or ed25519.
  case invalidAlgorithm(String)
  /// A TTL outside 0...2147483647.
  case invalidTTL(Int)
  /// The user named with `--owner` does not exist.
  case unknownOwner(String)
  /// The group named with `--group` does not exist.
  case unknownGroup(String)
  /// The user named with `--signer-user` does not exist.
  case unknownSigner(String)
  /// Giving files away needs root.
  case notPermitted(owner: String, group: String)
  /// The key file exists and `--force` was not given.
  case keyExists(path: String)
  /// A path in the key tree is a symbolic link (never followed).
  case symbolicLink(path: String)
  /// A domain is an alias link to another domain's directory (read through, never written).
  case aliasLink(path: String, target: String)
  /// A path in the key tree is not a directory or not a regular file as expected.
  case unexpectedFileType(path: String, expected: String)
  /// The key directory (`/var/qmail/control/domainkeys`) is missing.
  case missingKeyDirectory(path: String)
  /// No key for this domain and selector.
  case noSuchKey(path: String, domain: String)
  /// No directory for this domain.
  case noSuchDomain(path: String, domain: String)
  /// The key file does not hold a usable private key.
  case unreadableKey(path: String, reason: String, replace: String)
  /// An Ed25519 key was asked for DomainKeys records.
  case dkimOnlyKey(path: String)
  /// `remove` without `--yes`.
  case confirmationRequired(path: String)
  /// `restore` found no removed key matching the request.
  case noBackup(path: String, domain: String, available: [String])
  /// `restore` found several removed keys matching the request.
  case ambiguousBackup(domain: String, choices: [String])
  /// A system call failed.
  case system(SystemError)
  /// An unexpected libcrypto failure (not a bad key file).
  case crypto(LibCryptoError)

  public var description: String {
    switch self {
    case .invalidDomain(let name, let reason): "invalid domain \"\(name)\": \(reason)"
    case .invalidSelector(let name, let reason): "invalid selector \"\(name)\": \(reason)"
    case .invalidKeySize(let bits, let reason): "unusable rsa key size \(bits): \(reason)"
    case .invalidAlgorithm(let name):
      "unknown key algorithm \(name): use --algorithm rsa or ed25519"
    case .invalidTTL(let ttl): "invalid ttl \(ttl): use 0 to 2147483647 seconds"
    case .unknownOwner(let name):
      "user \(name) does not exist: create it or pass --owner USER"
    case .unknownGroup(let name) where name == KeyLayout.defaultGroup:
      "group \(name) does not exist: install vpopmail (which creates it) or pass --group GROUP"
    case .unknownGroup(let name):
      "group \(name) does not exist: create it or pass --group naming an existing group"
    case .unknownSigner(let name):
      "signing user \(name) does not exist: pass --signer-user naming the user qmail-smtpd"
        + " runs as (the one qmail-dk reads keys as)"
    case .notPermitted(let owner, let group):
      "only root can give keys to \(owner):\(group): run as root, or pass --owner and --group"
        + " naming yourself and one of your groups for a tree you own"
    case .keyExists(let path):
      "key \(path) already exists: pass --force to replace it (the old key is kept in .removed)"
    case .symbolicLink(let path):
      "\(path) is a symbolic link, and no alias of a domain directory beside it:"
        + " replace it with a real directory or file (toaster-dk never writes through links)"
    case .aliasLink(let path, let target):
      "\(path) is a link to \(target), an alias domain signed with \(target)'s keys:"
        + " toaster-dk never writes through it: work on \(target), or replace the link"
        + " with a directory of its own"
    case .unexpectedFileType(let path, let expected):
      "\(path) is not a \(expected): move it out of the key directory"
    case .missingKeyDirectory(let path):
      "key directory \(path) does not exist: create the first key with toaster-dk domain add DOMAIN"
    case .noSuchKey(let path, let domain):
      "no key \(path): create it with toaster-dk domain add \(domain)"
    case .noSuchDomain(let path, let domain):
      "no key directory \(path): create it with toaster-dk domain add \(domain)"
    case .unreadableKey(let path, let reason, let replace):
      "unable to load key \(path): \(reason): replace it with \(replace)"
    case .dkimOnlyKey(let path):
      "\(path) is an ed25519 key, which DomainKeys and qmail-dk cannot use: drop --dk"
        + " or use an rsa selector"
    case .confirmationRequired(let path):
      "refusing to remove \(path) without --yes (it is moved to .removed, not deleted)"
    case .noBackup(let path, let domain, let available) where available.isEmpty:
      "no removed key of \(domain) to restore (nothing matches \(path))"
    case .noBackup(_, let domain, let available):
      "no removed key of \(domain) matches: restore one of "
        + available.joined(separator: ", ") + " with --from STAMP (and --selector S)"
    case .ambiguousBackup(let domain, let choices):
      "several removed keys of \(domain): " + choices.joined(separator: ", ")
        + ": choose one with --from STAMP (and --selector S)"
    case .system(let error): error.description
    case .crypto(let error): error.description
    }
  }
}
