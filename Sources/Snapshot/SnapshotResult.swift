public import ToasterSupport

/// What `snapshot` copied, and what it refused.
public struct SnapshotResult: Sendable {
  /// The snapshot directory.
  public let destination: String
  /// The system paths of the regular files copied.
  public var files: [String] = []
  /// The system paths of the directories made.
  public var directories: [String] = []
  /// The links copied, with their rewritten targets.
  public var links: [(path: String, target: String)] = []
  /// The links not copied, with what they would have pulled in from outside.
  public var refused: [(path: String, resolved: String)] = []
  /// Entries that are neither file, directory nor link (not copied).
  public var skipped: [String] = []
  /// Programs copied without their set-user-id or set-group-id bit.
  public var setIDCleared: [String] = []
}

/// Why a snapshot could not be made; the destination is then left as it was.
public enum SnapshotError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The destination exists and is not an empty directory.
  case destinationInUse(path: String)
  /// The destination is inside the key tree, which the snapshot copies.
  case destinationInsideKeyTree(path: String)
  /// A system call failed.
  case system(SystemError)

  public var description: String {
    switch self {
    case .destinationInUse(let path):
      "\(path) exists and is not an empty directory: name a new directory for the snapshot"
    case .destinationInsideKeyTree(let path):
      "\(path) is inside the key directory, which the snapshot copies: put it elsewhere"
    case .system(let error): error.description
    }
  }
}
