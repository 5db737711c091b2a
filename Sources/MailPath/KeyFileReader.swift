public import DKEngine
import ToasterSupport

/// Reads private key files for signing and local verification, telling a missing file from
/// an unreadable one as qmail's `control_readfile` does (spec §3.3).
public enum KeyFileReader {
  /// The bytes of the key file at `path`, `.notFound` for ENOENT on any component, or
  /// `.unreadable` with the reason for every other error.
  public static func read(path: String) -> QmailDK.KeyFile {
    do {
      return .contents(try FileDescriptorIO.readFile(atPath: path))
    } catch let error as SystemError {
      return error.isNotFound ? .notFound : .unreadable(error.reason)
    } catch {
      return .unreadable("\(error)")
    }
  }

  /// A resolver answering from this host's keys under `directory`
  /// (`<directory>/<domain>/<selector>`, the domain also tried in lower case).
  ///
  /// A selector or domain from a message that could leave the directory is never read.
  public static func localKeys(in directory: String) -> LocalKeyResolver {
    LocalKeyResolver { selector, domain in
      guard isPathSafe(selector), isPathSafe(domain) else { return .notFound }
      let exact = read(path: "\(directory)/\(domain)/\(selector)")
      guard case .notFound = exact else { return exact }
      return read(path: "\(directory)/\(domain.lowercased())/\(selector)")
    }
  }

  // Letters, digits, - and inner dots only: no /, no .., no NUL.
  static func isPathSafe(_ name: String) -> Bool {
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    return !name.isEmpty && name.utf8.count <= 253
      && labels.allSatisfy { label in
        !label.isEmpty
          && label.utf8.allSatisfy { byte in
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
              || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
          }
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
