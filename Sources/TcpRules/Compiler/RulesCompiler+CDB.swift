import CDB

extension RulesCompiler {
  /// Compiles a whole file held in memory into `writer`; returns the number of records.
  ///
  /// Records go in file order, as tcprules adds them. The caller finishes the writer.
  ///
  /// - Throws: `TcpRulesError.syntax` listing every rejected line, or `CDBError`.
  @discardableResult
  public static func compile(_ bytes: [UInt8], path: String, into writer: CDBWriter) throws
    -> Int
  {
    try compile(bytes, path: path) { key, data, _ in try writer.add(key: key, data: data) }
  }

  /// Compiles a file read in chunks through `read` into `writer`; returns the record count.
  ///
  /// See `compile(path:read:emit:)` for `read`. The caller finishes the writer.
  ///
  /// - Throws: `TcpRulesError.syntax` listing every rejected line, `CDBError`, or what
  ///   `read` throws.
  @discardableResult
  public static func compile(
    path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, into writer: CDBWriter
  ) throws -> Int {
    try compile(path: path, read: read) { key, data, _ in try writer.add(key: key, data: data) }
  }
}
