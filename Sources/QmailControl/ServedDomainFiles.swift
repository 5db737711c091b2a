import CDB
import ToasterSupport

/// Reads qmail's and vpopmail's domain lists from disk and hands them to the parsers.
public struct ServedDomainFiles: Sendable {
  /// Where the files are.
  public let paths: ServedDomainPaths

  /// Reads the files at `paths`.
  public init(paths: ServedDomainPaths) {
    self.paths = paths
  }

  /// Every domain served, from whichever of the files exist (a missing file lists nothing).
  ///
  /// - Throws: `QmailControlError` when a file exists but cannot be read.
  public func read() throws(QmailControlError) -> ServedDomains {
    var lists: [ListedDomains] = []
    if let list = try parse(paths.rcpthosts, with: HostList.parse) { lists.append(list) }
    let text = try parse(paths.morercpthosts, with: HostList.parse)
    let cdb = try readCDB()
    if let text, let cdb {
      lists.append(
        HostList.staleness(text: text, cdb: cdb, cdbPath: resolve(paths.morercpthostsCDB)))
    } else if let list = text ?? cdb {
      lists.append(list)
    }
    if let list = try parse(paths.virtualdomains, with: VirtualDomains.parse) {
      lists.append(list)
    }
    var assign: UsersAssign.Result?
    if let bytes = try contents(paths.assign) {
      assign = UsersAssign.parse(bytes, path: resolve(paths.assign))
    }
    return ServedDomains(lists: lists, assign: assign)
  }

  private func resolve(_ systemPath: String) -> String { paths.paths.resolve(systemPath) }

  private func parse(
    _ systemPath: String, with parser: ([UInt8], String) -> ListedDomains
  ) throws(QmailControlError) -> ListedDomains? {
    guard let bytes = try contents(systemPath) else { return nil }
    return parser(bytes, resolve(systemPath))
  }

  private func contents(_ systemPath: String) throws(QmailControlError) -> [UInt8]? {
    do {
      return try FileDescriptorIO.readFile(atPath: resolve(systemPath))
    } catch let error as SystemError where error.isNotFound {
      return nil
    } catch let error as SystemError {
      throw .system(error)
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  private func readCDB() throws(QmailControlError) -> ListedDomains? {
    let path = resolve(paths.morercpthostsCDB)
    do {
      let reader = try CDBReader(path: path)
      return HostList.parse(cdbKeys: try reader.allRecords().map(\.key), path: path)
    } catch CDBError.system(let error) {
      if error.isNotFound { return nil }
      throw .system(error)
    } catch {
      throw .malformedCDB(path: path)
    }
  }
}
