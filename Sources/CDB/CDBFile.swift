import ToasterSupport

/// Writes a whole cdb file atomically: temp file, tinycdb, `fsync`, rename.
public enum CDBFile {
  /// Replaces `name` in `directory` with a cdb holding what `addRecords` adds, in order.
  ///
  /// Readers such as tcpserver, which reopen the file per connection, see the old file or
  /// the new one, never a partial file. On any failure the old file is untouched and the
  /// temp file removed.
  /// - Throws: `CDBError`, or what `addRecords` throws.
  public static func write(
    named name: String, in directory: Directory, permissions: FilePermissions,
    addRecords: (CDBWriter) throws -> Void
  ) throws {
    let pending = try prepare(
      named: name, in: directory, permissions: permissions, addRecords: addRecords)
    do { try pending.commit() } catch let error as SystemError { throw CDBError.system(error) }
  }

  /// Writes and syncs the complete new cdb under a temp name; `commit()` renames it in.
  ///
  /// - Throws: `CDBError`, or what `addRecords` throws; no temp file is then left.
  public static func prepare(
    named name: String, in directory: Directory, permissions: FilePermissions,
    addRecords: (CDBWriter) throws -> Void
  ) throws -> PendingReplacement {
    do {
      return try AtomicFile.prepare(named: name, in: directory, permissions: permissions) {
        fd, tempPath in
        let writer = try CDBWriter(descriptor: fd, path: tempPath)
        try addRecords(writer)
        try writer.finish()
      }
    } catch let error as SystemError {
      throw CDBError.system(error)
    }
  }
}
