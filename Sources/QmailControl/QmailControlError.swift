public import ToasterSupport

/// Why qmail's or vpopmail's domain lists could not be read.
public enum QmailControlError: Error, Equatable, CustomStringConvertible, Sendable {
  /// A file could not be read.
  case system(SystemError)
  /// `morercpthosts.cdb` is not a cdb file.
  case malformedCDB(path: String)

  public var description: String {
    switch self {
    case .system(let error): error.description
    case .malformedCDB(let path):
      "unable to read \(path): not a valid cdb file: rebuild it with qmail-newmrh"
    }
  }
}
