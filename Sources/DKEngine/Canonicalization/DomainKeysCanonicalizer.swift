/// DomainKeys canonicalization (RFC 4870 §3.4) exactly as libdomainkeys 0.69 hashes.
///
/// libdomainkeys holds every CRLF back until a byte that is not part of a CRLF arrives and
/// appends one CRLF at the end of the message (its `dk_eom`): trailing empty lines vanish, the
/// last line always ends in CRLF even without a final newline, and a body of only empty
/// lines drops the separator line too.
struct DomainKeysCanonicalizer {
  let algorithm: Canonicalization
  let lineEndings: LineEndings

  /// Writes one header field, folds as CRLF (simple) or joined (nofws), then CRLF.
  func writeHeader(
    _ field: HeaderField, of bytes: UnsafeBufferPointer<UInt8>, to sink: inout some CanonicalSink
  ) {
    var first = true
    bytes.forEachLine(in: field.range, lineEndings: lineEndings) { line in
      if algorithm == .nofws {
        Self.writeWithoutFWS(bytes, line, to: &sink)
      } else {
        if !first { sink.writeCRLF() }
        sink.write(UnsafeBufferPointer(rebasing: bytes[line]))
      }
      first = false
    }
    sink.writeCRLF()
  }

  /// Writes the separator and body with libdomainkeys' CRLF hold-back.
  ///
  /// `release` hears of the ranges read, for a mapped message (see `MessageBytes`).
  func writeBody(
    _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
    release: ((Range<Int>) -> Void)? = nil, to sink: inout some CanonicalSink
  ) {
    var pending = 1
    var wroteContent = false
    bytes.forEachLine(in: range, lineEndings: lineEndings, release: release) { line in
      if algorithm == .nofws {
        guard bytes[line].contains(where: { !$0.isWSP && $0 != 0x0D }) else {
          pending += 1
          return
        }
        sink.writeCRLF(count: pending)
        Self.writeWithoutFWS(bytes, line, to: &sink)
      } else {
        guard !line.isEmpty else {
          pending += 1
          return
        }
        sink.writeCRLF(count: pending)
        sink.write(UnsafeBufferPointer(rebasing: bytes[line]))
      }
      pending = 1
      wroteContent = true
    }
    if wroteContent { sink.writeCRLF() }
  }

  // nofws deletes SP, HTAB and any CR left inside a line (RFC 4870 §3.4.2.2).
  private static func writeWithoutFWS(
    _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, to sink: inout some CanonicalSink
  ) {
    var runStart = line.lowerBound
    for index in line where bytes[index].isWSP || bytes[index] == 0x0D {
      if index > runStart { sink.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
      runStart = index + 1
    }
    if line.upperBound > runStart {
      sink.write(UnsafeBufferPointer(rebasing: bytes[runStart..<line.upperBound]))
    }
  }
}
