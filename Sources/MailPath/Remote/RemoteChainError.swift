public import ToasterSupport

/// Why `remote install` or `uninstall` changed nothing.
public enum RemoteChainError: Error, Sendable, CustomStringConvertible {
  /// The layout is not one toaster-dk knows how to switch.
  case unknownLayout(String)
  /// `uninstall` without toaster-dk-remote in place.
  case notInstalled
  /// The launcher (or its signer) does not exist or cannot be run.
  case noLauncher(String)
  /// The launcher given is already what qmail-remote or qmail-remote.orig is.
  case wrapsItself(String)
  /// A system call failed.
  case system(SystemError)

  /// A lower-case phrase naming the object and the reason.
  public var description: String {
    switch self {
    case .unknownLayout(let reason): "unable to switch /var/qmail/bin/qmail-remote: \(reason)"
    case .notInstalled:
      "toaster-dk-remote is not installed: bin/qmail-remote does not point at it"
    case .noLauncher(let path):
      "unable to install \(path): no such executable (give --launcher PATH)"
    case .wrapsItself(let path):
      "unable to install: \(path) already is toaster-dk-remote, which would wrap itself"
    case .system(let error): error.description
    }
  }
}
