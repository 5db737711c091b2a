import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Copies the files of a `SnapshotPlan` into a new directory, owners and modes kept.
///
/// The copy is built in a 0700 temp directory beside the destination and renamed into place
/// when complete, so the destination never holds half a snapshot. Each file is created with
/// mode 0 and written through its descriptor before it gets its owner and final mode, and
/// every directory stays 0700 until its contents are in, so nothing is ever readable wider
/// than in the live tree. Nothing is followed but the parents of the listed files and the
/// key directory itself.
public struct SnapshotWriter: Sendable {
  /// What to copy.
  public let plan: SnapshotPlan

  /// A writer for `plan`.
  public init(plan: SnapshotPlan) {
    self.plan = plan
  }

  /// Makes the snapshot at `destination`, which must not exist or be an empty directory.
  ///
  /// - Throws: `SnapshotError`; the temp directory is then removed.
  public func write(to destination: String) throws(SnapshotError) -> SnapshotResult {
    var trimmed = destination
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    let slash = trimmed.lastIndex(of: "/")
    let parentPath = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
    let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
    do {
      let parent = try Directory(path: parentPath)
      // The key tree is walked whole; a snapshot built inside it would copy itself, and one
      // renamed onto an empty key tree would take the live tree's place.
      let tree = ToasterPaths(root: plan.sourceRoot).resolve(plan.tree)
      if let real = Self.realPath(parentPath), let realTree = Self.realPath(tree),
        real == realTree || real.hasPrefix(realTree + "/")
          || (real == "/" ? "" : real) + "/" + name == realTree
      {
        throw SnapshotError.destinationInsideKeyTree(path: trimmed)
      }
      if let info = try parent.status(of: name) {
        let empty = try? parent.subdirectory(name).entryNames().isEmpty
        guard info.st_mode & S_IFMT == S_IFDIR, empty == true else {
          throw SnapshotError.destinationInUse(path: trimmed)
        }
      }
      let tempName = ".\(name).snapshot.\(getpid())"
      guard mkdirat(parent.descriptor, tempName, 0o700) == 0 else {
        throw SystemError.fromErrno(
          "create directory", path: parent.join(tempName), access: .writing)
      }
      let temp = try parent.subdirectory(tempName)
      var copier = SnapshotCopier(plan: plan, root: temp, destination: trimmed)
      do {
        try copier.copyAll()
        guard renameat(parent.descriptor, tempName, parent.descriptor, name) == 0 else {
          throw SystemError.fromErrno("rename \(temp.path) to", path: trimmed, access: .writing)
        }
      } catch {
        SnapshotCopier.removeTree(tempName, in: parent)
        throw error
      }
      try parent.sync()
      return copier.result
    } catch let error as SnapshotError {
      throw error
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  private static func realPath(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
  }
}
