public import DKEngine
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Reads private key files for signing and local verification, telling a missing file from
/// an unreadable one as qmail's `control_readfile` does (spec §3.3): the one key reader of
/// the filter and of the dry runs (test-sign, test-verify).
public enum KeyFileReader {
  /// Whose reading the answer stands for.
  public enum Reader: Sendable {
    /// The signer itself (the filter): every error but ENOENT is `.unreadable`.
    case signer
    /// A dry run for another user: permission denied to this process says nothing of that
    /// user, so it is `.notReadableByDryRun`.
    case dryRun
  }

  /// The bytes of the key file at `path`, `.notFound` for ENOENT on any component, or
  /// `.unreadable` (`.notReadableByDryRun` for EACCES/EPERM in a dry run) with the reason.
  public static func read(path: String, as reader: Reader = .signer) -> QmailDK.KeyFile {
    do {
      return .contents(try FileDescriptorIO.readFile(atPath: path))
    } catch let error as SystemError where error.isNotFound {
      return .notFound
    } catch let error as SystemError
      where reader == .dryRun && (error.code == EACCES || error.code == EPERM)
    {
      return .notReadableByDryRun("\(error)")
    } catch let error as SystemError {
      return .unreadable(reader == .dryRun ? "\(error)" : error.reason)
    } catch {
      return .unreadable("\(error)")
    }
  }

  /// A resolver answering from this host's keys under `directory`
  /// (`<directory>/<domain>/<selector>`, the domain also tried in lower case).
  ///
  /// `LocalKeyResolver` never reads a selector or domain that is no hostname.
  public static func localKeys(in directory: String, as reader: Reader = .signer)
    -> LocalKeyResolver
  {
    LocalKeyResolver { selector, domain in
      let exact = read(path: "\(directory)/\(domain)/\(selector)", as: reader)
      guard case .notFound = exact else { return exact }
      return read(path: "\(directory)/\(domain.lowercased())/\(selector)", as: reader)
    }
  }
}

/// A resolver for a host without DNS lookups: every name is a temporary failure, so
/// qmail-dk's CANTVRFY (letter F) decides, never a false NOKEY.
public struct UnavailableKeyResolver: KeyResolver {
  private let reason: String

  /// Creates the resolver; `reason` says why there is no DNS.
  public init(reason: String) {
    self.reason = reason
  }

  /// Always `.temporaryFailure` with the reason.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    .temporaryFailure(reason: reason)
  }
}
