extension RulesCompiler {
  /// The chunk size `compile(path:read:emit:)` reads at a time.
  public static let chunkSize = 64 * 1024

  /// Compiles a whole file held in memory.
  ///
  /// - Throws: `TcpRulesError.syntax` listing every rejected line, or what `emit` throws.
  @discardableResult
  public static func compile(_ bytes: [UInt8], path: String, emit: Emit) throws -> Int {
    var compiler = RulesCompiler(path: path)
    try bytes.withUnsafeBytes { try compiler.feed($0, emit: emit) }
    try compiler.finish(emit: emit)
    return compiler.recordCount
  }

  /// Compiles a file read in chunks of `chunkSize` through `read`, which fills the buffer
  /// it is given and returns how many bytes it stored (0 at the end of the file).
  ///
  /// Memory stays flat whatever the file size: one chunk plus the longest line.
  /// - Throws: `TcpRulesError.syntax` listing every rejected line, or what `read` or
  ///   `emit` throws.
  @discardableResult
  public static func compile(
    path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, emit: Emit
  ) throws -> Int {
    var compiler = RulesCompiler(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { buffer.deallocate() }
    while true {
      let count = try read(buffer)
      precondition(count >= 0 && count <= buffer.count, "read returned \(count)")
      if count == 0 { break }
      try compiler.feed(UnsafeRawBufferPointer(rebasing: buffer[..<count]), emit: emit)
    }
    try compiler.finish(emit: emit)
    return compiler.recordCount
  }
}
