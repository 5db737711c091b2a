#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A complete, synced replacement of a file, waiting under its temp name to be renamed in.
///
/// Made by `AtomicFile.prepare`; removed in `deinit` unless committed.
public final class PendingReplacement {
  /// The directory holding both names.
  public let directory: Directory
  /// The name the replacement takes on commit.
  public let name: String
  /// The temp name it is written under.
  public let tempName: String
  private var settled = false

  init(directory: Directory, name: String, tempName: String) {
    self.directory = directory
    self.name = name
    self.tempName = tempName
  }

  deinit { discard() }

  /// The path of the file being replaced, for messages.
  public var path: String { directory.join(name) }

  /// Renames the replacement into place and syncs the directory (unless the caller syncs
  /// it later, after renaming several files).
  ///
  /// - Throws: `SystemError`; when the rename fails the old file is untouched and the temp
  ///   file is removed.
  public func commit(syncingDirectory: Bool = true) throws {
    precondition(!settled, "replacement of \(path) committed twice or after discard")
    guard renameat(directory.descriptor, tempName, directory.descriptor, name) == 0 else {
      // The temp file's random name means nothing to the reader, and it is removed now.
      let error = SystemError.fromErrno(
        "rename the new file into place at", path: path, access: .writing)
      discard()
      throw error
    }
    settled = true
    if syncingDirectory { try directory.sync() }
  }

  /// Removes the replacement without touching the file (nothing after a commit).
  public func discard() {
    guard !settled else { return }
    settled = true
    unlinkat(directory.descriptor, tempName, 0)
  }
}
