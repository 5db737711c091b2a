import ToasterSupport

/// A failure reading or writing a constant database.
public enum CDBError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A system call failed.
  case system(SystemError)
  /// The file is not a well-formed cdb (truncated, or offsets out of range).
  case malformed(path: String)
  /// A key or value, or the whole file, does not fit cdb's 32-bit offsets.
  case tooLarge(path: String)

  public var description: String {
    switch self {
    case .system(let error): return error.description
    case .malformed(let path): return "unable to read \(path): not a valid cdb file (truncated?)"
    case .tooLarge(let path): return "unable to write \(path): a cdb cannot exceed 4 GiB"
    }
  }
}
