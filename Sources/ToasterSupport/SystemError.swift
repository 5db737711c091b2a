#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call, with the operation and path it concerned.
///
/// The description follows djb's form, "unable to rename a to b: permission denied".
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Whether the failed call was reading an input or making an output.
  public enum Access: Sendable {
    /// Opening, reading, mapping or listing something given as input.
    case reading
    /// Creating, writing, renaming, syncing, locking or changing the owner or mode of
    /// something.
    case writing
  }

  /// What was being attempted, as a verb phrase ("open", "rename x to").
  public let operation: String
  /// Whether the call read an input or made an output: a missing or unreadable input is not
  /// the same failure as an output that cannot be created.
  public let access: Access
  /// The path the operation concerned.
  public let path: String
  /// The `errno` value the call left.
  public let code: Int32

  /// Creates an error from an explicit `errno` value.
  public init(operation: String, path: String, code: Int32, access: Access) {
    self.operation = operation
    self.path = path
    self.code = code
    self.access = access
  }

  /// Creates an error from the current `errno`.
  public static func fromErrno(_ operation: String, path: String, access: Access) -> SystemError {
    SystemError(operation: operation, path: path, code: errno, access: access)
  }

  /// The `strerror` text, lower-cased to fit inside a message.
  public var reason: String {
    guard let text = strerror(code) else { return "error \(code)" }
    let message = String(cString: text)
    guard let first = message.first else { return message }
    return first.lowercased() + message.dropFirst()
  }

  /// True when the error means the file or a path component does not exist.
  public var isNotFound: Bool { code == ENOENT }

  public var description: String { "unable to \(operation) \(path): \(reason)" }
}

/// Runs a system call until it stops failing with `EINTR`.
///
/// - Returns: the call's result, which is `-1` with `errno` set on failure.
@inlinable
public func retryingOnInterrupt<T: SignedInteger>(_ call: () -> T) -> T {
  while true {
    let result = call()
    if result == -1 && errno == EINTR { continue }
    return result
  }
}
