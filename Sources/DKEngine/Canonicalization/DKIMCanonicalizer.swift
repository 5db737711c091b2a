/// DKIM header and body canonicalization (RFC 6376 §3.4).
struct DKIMCanonicalizer {
  let header: Canonicalization
  let body: Canonicalization
  let lineEndings: LineEndings

  /// Writes the field in `range` of `bytes` (colon at `colon`), then CRLF when `terminate`.
  func writeHeader(
    _ range: Range<Int>, colon: Int?, of bytes: UnsafeBufferPointer<UInt8>,
    terminate: Bool = true, to sink: inout some CanonicalSink
  ) {
    if header == .relaxed {
      writeRelaxedHeader(range, colon: colon, of: bytes, to: &sink)
    } else {
      var first = true
      bytes.forEachLine(in: range, lineEndings: lineEndings) { line in
        if !first { sink.writeCRLF() }
        sink.write(UnsafeBufferPointer(rebasing: bytes[line]))
        first = false
      }
    }
    if terminate { sink.writeCRLF() }
  }

  // RFC 6376 §3.4.2: lower-case the name, unfold, reduce WSP runs to one SP, and delete
  // WSP at the end of the value and around the colon.
  private func writeRelaxedHeader(
    _ range: Range<Int>, colon: Int?, of bytes: UnsafeBufferPointer<UInt8>,
    to sink: inout some CanonicalSink
  ) {
    var output: [UInt8] = []
    output.reserveCapacity(range.count)
    let nameEnd = colon ?? range.upperBound
    for index in range.lowerBound..<nameEnd where !bytes[index].isWSP {
      output.append(bytes[index].asciiLowercased)
    }
    output.append(UInt8(ascii: ":"))
    var pendingSpace = false
    var started = false
    if let colon {
      bytes.forEachLine(in: (colon + 1)..<range.upperBound, lineEndings: lineEndings) { line in
        // An unfolded line end is whitespace like the WSP that follows it.
        if started { pendingSpace = true }
        for index in line {
          let byte = bytes[index]
          if byte.isWSP {
            pendingSpace = started
            continue
          }
          if pendingSpace { output.append(0x20) }
          pendingSpace = false
          started = true
          output.append(byte)
        }
      }
    }
    sink.write(output)
  }

  /// Writes the canonical body in `range`.
  ///
  /// `release` hears of the ranges read, for a mapped message (see `MessageBytes`).
  func writeBody(
    _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
    release: ((Range<Int>) -> Void)? = nil, to sink: inout some CanonicalSink
  ) {
    var pending = 0
    var wroteContent = false
    let relaxed = body == .relaxed
    var scratch: [UInt8] = []
    bytes.forEachLine(in: range, lineEndings: lineEndings, release: release) { line in
      let content = UnsafeBufferPointer(rebasing: bytes[line])
      if relaxed && content.contains(where: { $0.isWSP }) {
        Self.relaxLine(content, into: &scratch)
        guard !scratch.isEmpty else {
          pending += 1
          return
        }
        sink.writeCRLF(count: pending)
        sink.write(scratch)
      } else {
        guard !content.isEmpty else {
          pending += 1
          return
        }
        sink.writeCRLF(count: pending)
        sink.write(content)
      }
      sink.writeCRLF()
      pending = 0
      wroteContent = true
    }
    // RFC 6376 §3.4.3: an empty simple body is one CRLF; §3.4.4: an empty relaxed body is
    // the empty string.
    if !wroteContent && !relaxed { sink.writeCRLF() }
  }

  // RFC 6376 §3.4.4: reduce WSP runs to one SP and delete WSP at the end of the line.
  private static func relaxLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    output.removeAll(keepingCapacity: true)
    var pendingSpace = false
    for byte in line {
      if byte.isWSP {
        pendingSpace = true
        continue
      }
      if pendingSpace { output.append(0x20) }
      pendingSpace = false
      output.append(byte)
    }
  }
}
