public import ToasterSupport

/// Why the remote signer's selector file could not be used or changed.
public enum RemoteSelectorsError: Error, Sendable, CustomStringConvertible {
  /// The file has syntax errors, each located.
  case invalid([Diagnostic])
  /// A domain or selector given to an edit is not a valid name.
  case invalidName(String)
  /// Reading, locking or writing failed.
  case system(SystemError)
  /// The write would go through a symbolic link.
  case symbolicLink(SymbolicLinkError)

  /// A lower-case phrase naming the object and the reason (diagnostics one per line).
  public var description: String {
    switch self {
    case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
    case .invalidName(let text): "unable to set \(text): not a domain (or *) and selectors"
    case .system(let error): error.description
    case .symbolicLink(let error): error.description
    }
  }
}
