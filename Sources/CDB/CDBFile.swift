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
    do {
      try AtomicFile.replace(named: name, in: directory, permissions: permissions) {
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
