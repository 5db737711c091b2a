public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Reads and rewrites `control/toaster-dk/remote-selectors` under a root: the one reader
/// and writer of the file (the signer, `remote install` and `rotate` use it).
public struct RemoteSelectorsFile: Sendable {
  /// The file's path under the root.
  public let path: String
  private let directoryPath: String
  private let root: String

  /// The file of `paths`.
  public init(paths: ToasterPaths) {
    path = paths.resolve(RemoteSelectors.systemPath)
    directoryPath = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    root = paths.root
  }

  /// The settings; a missing file is the default (every domain signs with `private`).
  ///
  /// - Throws: `RemoteSelectorsError.invalid` for syntax errors, `.system` when the file
  ///   exists but cannot be read.
  public func read() throws(RemoteSelectorsError) -> RemoteSelectors {
    do {
      return try RemoteSelectors(parsing: FileDescriptorIO.readFile(atPath: path), path: path)
    } catch let error as SystemError {
      if error.isNotFound { return RemoteSelectors() }
      throw .system(error)
    } catch let error as RemoteSelectorsError {
      throw error
    } catch {
      throw .system(SystemError(operation: "read", path: path, code: EIO, access: .reading))
    }
  }

  /// Applies `edit` to the current settings under an exclusive lock and writes the result
  /// atomically (never through a symbolic link below the root), unless `dryRun`.
  ///
  /// - Returns: the settings before and after.
  /// - Throws: what `edit` throws, or `RemoteSelectorsError`; the file is then unchanged.
  @discardableResult
  public func update(
    dryRun: Bool = false, _ edit: (inout RemoteSelectors) throws(RemoteSelectorsError) -> Void
  ) throws(RemoteSelectorsError) -> (before: RemoteSelectors, after: RemoteSelectors) {
    do {
      let directory = try Directory.openForWriting(
        directoryPath, root: root, createLast: dryRun ? nil : 0o755)
      return try directory.withExclusiveLock {
        let before = try read()
        var after = before
        try edit(&after)
        if !dryRun, after != before {
          try directory.refuseSymbolicLink("remote-selectors")
          try AtomicFile.write(
            after.render(), named: "remote-selectors", in: directory,
            permissions: FilePermissions(mode: 0o644))
        }
        return (before, after)
      }
    } catch let error as RemoteSelectorsError {
      throw error
    } catch let error as SymbolicLinkError {
      throw .symbolicLink(error)
    } catch let error as SystemError {
      if dryRun, error.isNotFound {
        let before = try read()
        var after = before
        try edit(&after)
        return (before, after)
      }
      throw .system(error)
    } catch {
      throw .system(SystemError(operation: "write", path: path, code: EIO, access: .writing))
    }
  }
}
