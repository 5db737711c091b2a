public import ToasterSupport

/// Why `queue install` or `uninstall` changed nothing.
public enum QueueChainError: Error, Sendable, CustomStringConvertible {
  /// The layout is not one toaster-dk knows how to switch.
  case unknownLayout(String)
  /// `uninstall` without toaster-dk-queue in place.
  case notInstalled
  /// The filter to link to does not exist or is not executable.
  case noFilter(String)
  /// A system call failed.
  case system(SystemError)
  /// The bin directory lies behind a symbolic link below the root (never written through).
  case symbolicLink(SymbolicLinkError)

  /// A lower-case phrase naming the object and the reason.
  public var description: String {
    switch self {
    case .unknownLayout(let reason): "unable to switch /var/qmail/bin/qmail-queue: \(reason)"
    case .notInstalled:
      "toaster-dk-queue is not installed: bin/qmail-queue does not point at it"
    case .noFilter(let path):
      "unable to install \(path): no such executable (give --filter PATH)"
    case .system(let error): error.description
    case .symbolicLink(let error): error.description
    }
  }
}
