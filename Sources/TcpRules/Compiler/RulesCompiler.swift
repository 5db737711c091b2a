/// Compiles `tcp.smtp` to records as it streams, without building the lossless model.
///
/// Feed the file in chunks of any size (lines may span chunks), then call `finish`. Each
/// record goes to the `emit` closure as soon as its line is read, in file order, with keys
/// and data in reused buffers valid only during the call. On the first rejected line the
/// compiler stops emitting and keeps reading only to report every rejected line, so a
/// caller must discard what it has written when `finish` throws.
public struct RulesCompiler {
  /// Receives one record: key, data (both valid only during the call) and line number.
  public typealias Emit = (
    _ key: UnsafeRawBufferPointer, _ data: UnsafeRawBufferPointer, _ line: Int
  ) throws -> Void

  private var pending: [UInt8] = []
  private var spare: [UInt8] = []
  private var assignments: [ScannedAssignment] = []
  private let data = ByteBuffer(capacity: 1024)
  private let key = ByteBuffer(capacity: 256)
  private var collector: DiagnosticCollector
  private var finished = false

  /// The number of lines read so far.
  public private(set) var lineCount = 0
  /// The number of records emitted so far.
  public private(set) var recordCount = 0

  /// Creates a compiler; `path` names the file in diagnostics.
  public init(path: String) {
    collector = DiagnosticCollector(path: path)
    assignments.reserveCapacity(16)
  }

  /// Reads the next `chunk` of the file, emitting the records of every complete line in it.
  ///
  /// - Throws: only what `emit` throws; rejected lines are reported by `finish`.
  public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: Emit) throws {
    precondition(!finished, "RulesCompiler.feed after finish")
    try chunk.withMemoryRebound(to: UInt8.self) { bytes in
      var start = 0
      while let newline = LineScanner.firstIndex(
        of: LineScanner.newline, in: bytes, from: start, to: bytes.count)
      {
        let piece = UnsafeBufferPointer(rebasing: bytes[start..<newline])
        if pending.isEmpty {
          try compileLine(piece, emit: emit)
        } else {
          pending.append(contentsOf: piece)
          try compilePending(emit: emit)
        }
        start = newline + 1
      }
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
  }

  /// Compiles the last line if it had no LF and ends the file.
  ///
  /// - Throws: `TcpRulesError.syntax` listing every rejected line (capped), or what `emit`
  ///   throws.
  public mutating func finish(emit: Emit) throws {
    precondition(!finished, "RulesCompiler.finish twice")
    finished = true
    if !pending.isEmpty { try compilePending(emit: emit) }
    if let error = collector.error { throw error }
  }

  private mutating func compilePending(emit: Emit) throws {
    // The carried line moves to `spare` so the line buffer is not borrowed while compiling.
    swap(&pending, &spare)
    defer { spare.removeAll(keepingCapacity: true) }
    try spare.withUnsafeBufferPointer { try compileLine($0, emit: emit) }
  }

  private mutating func compileLine(_ line: UnsafeBufferPointer<UInt8>, emit: Emit) throws {
    lineCount += 1
    assignments.removeAll(keepingCapacity: true)
    switch LineScanner.scan(line, assignments: &assignments) {
    case .comment, .blank, .ignored:
      return
    case .invalid(let problem):
      collector.add(problem, line: line, number: lineCount)
    case .rule(let rule):
      guard collector.isEmpty else { return }
      recordCount += try Self.emitRecords(
        line, rule, assignments, number: lineCount, data: data, key: key, emit: emit)
    }
  }

  /// Builds the data once, then emits it under every key of the rule; returns the count.
  private static func emitRecords(
    _ line: UnsafeBufferPointer<UInt8>, _ rule: ScannedRule, _ assignments: [ScannedAssignment],
    number: Int, data: ByteBuffer, key: ByteBuffer, emit: Emit
  ) throws -> Int {
    data.removeAll()
    if rule.instruction == .deny {
      // tcprules stores deny as D followed by NUL, before the settings.
      data.append(UInt8(ascii: "D"))
      data.append(0)
    }
    for assignment in assignments {
      data.append(UInt8(ascii: "+"))
      data.append(UnsafeBufferPointer(rebasing: line[assignment.name]))
      data.append(LineScanner.equals)
      data.append(UnsafeBufferPointer(rebasing: line[assignment.value]))
      data.append(0)
    }
    let address = UnsafeBufferPointer(rebasing: line[..<rule.colon])
    guard let range = rule.range else {
      try emit(UnsafeRawBufferPointer(address), data.bytes, number)
      return 1
    }
    var count = 0
    try RangeExpansion.forEachKey(of: range, in: address, into: key) { key in
      try emit(key, data.bytes, number)
      count += 1
    }
    return count
  }
}
