/// The first block of a PEM document (RFC 7468) when it has the plain shape OpenSSL and
/// dknewkey write: a BEGIN line, base64 lines without headers or blanks, the matching END.
///
/// Anything unusual answers nil, for OpenSSL's own PEM reader to judge; only the first line
/// starting with five dashes counts, so a block OpenSSL would read first is never skipped.
struct PEMBlock {
  /// The label between `BEGIN ` and the dashes, such as `PRIVATE KEY`.
  let label: String
  /// The decoded body.
  let der: [UInt8]

  /// Parses the first block of `document`, or answers nil.
  init?(firstIn document: [UInt8]) {
    let dash = UInt8(ascii: "-")
    var lines = document.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }[...]
    while let line = lines.first, !line.starts(with: [dash, dash, dash, dash, dash]) {
      lines = lines.dropFirst()
    }
    let begin = Array("-----BEGIN ".utf8)
    let close = Array("-----".utf8)
    guard let first = lines.popFirst(), first.count > begin.count + close.count,
      first.starts(with: begin), first.reversed().starts(with: close)
    else { return nil }
    let label = Array(first.dropFirst(begin.count).dropLast(close.count))
    let end = Array("-----END ".utf8) + label + close
    guard let endIndex = lines.firstIndex(where: { $0.elementsEqual(end) }) else { return nil }
    let body = lines[..<endIndex]
    // Headers (RFC 1421 Proc-Type and the like), blank lines and spaces go to OpenSSL.
    let plain = body.allSatisfy { line in
      !line.isEmpty && !line.contains { $0 == UInt8(ascii: ":") || $0 <= 0x20 }
    }
    guard plain, let der = Base64.decode(String(decoding: body.joined(), as: UTF8.self)),
      !der.isEmpty
    else { return nil }
    self.label = String(decoding: label, as: UTF8.self)
    self.der = der
  }
}
