internal import CXattr
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension AccessControlList {
  /// The access ACL of the open file `fd`, or nil when it has none (or the file system
  /// keeps none).
  static func read(_ fd: Int32) -> AccessControlList? {
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = fgetxattr(fd, attributeName, &buffer, buffer.count)
    guard count > 0 else { return nil }
    return AccessControlList(attribute: Array(buffer[0..<count]))
  }

  /// The access ACL of the file at `path` (links followed, as a signer's `open` does).
  static func read(path: String) -> AccessControlList? {
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = getxattr(path, attributeName, &buffer, buffer.count)
    guard count > 0 else { return nil }
    return AccessControlList(attribute: Array(buffer[0..<count]))
  }

  /// Sets this ACL on the open file `fd`.
  ///
  /// - Throws: `SystemError`; EOPNOTSUPP means a file system mounted without ACLs.
  func apply(to fd: Int32, path: String) throws {
    let bytes = attribute
    guard fsetxattr(fd, Self.attributeName, bytes, bytes.count, 0) == 0 else {
      throw SystemError.fromErrno("set the ACL of", path: path, access: .writing)
    }
  }
}
