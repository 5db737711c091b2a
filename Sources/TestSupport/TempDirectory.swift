import Foundation

/// A fresh directory under the system temp folder, removed by `remove()`.
///
/// Use it with `defer { tmp.remove() }` so every I/O test starts from nothing.
public struct TempDirectory: Sendable {
  /// The absolute path of the directory.
  public let path: String

  /// Creates a new, empty, uniquely named directory.
  public init(prefix: String = "toaster-dk-test") throws {
    let base = FileManager.default.temporaryDirectory.path
    let name = "\(prefix).\(getpid()).\(UUID().uuidString.prefix(8))"
    path = (base as NSString).appendingPathComponent(name)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The absolute path of `relative` inside the directory.
  public func join(_ relative: String) -> String {
    (path as NSString).appendingPathComponent(relative)
  }

  /// Writes `bytes` to `relative`, creating parent directories.
  public func write(_ bytes: [UInt8], to relative: String) throws {
    let target = join(relative)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
  }

  /// Writes `text` as UTF-8 to `relative`, creating parent directories.
  public func write(_ text: String, to relative: String) throws {
    try write(Array(text.utf8), to: relative)
  }

  /// Reads the bytes of `relative`.
  public func read(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: join(relative))))
  }

  /// Removes the directory and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
