/// One meaningful line of a qmail control file: its number, its text, and whether it ended
/// in a carriage return.
struct ControlLine {
  /// The 1-based line number.
  let number: Int
  /// The line without its newline, trailing spaces, tabs and carriage return.
  let text: [UInt8]
  /// The raw line as it is in the file, for echoing in diagnostics.
  let raw: [UInt8]
  /// True when the line ended in `\r` (a DOS line ending).
  let hadCarriageReturn: Bool
}

/// Splits a control file as qmail's `control_readfile` and `qmail-newmrh` read it.
///
/// Blank lines and lines starting with `#` are skipped and trailing spaces and tabs are
/// stripped. qmail keeps a carriage return as part of the value; toaster-dk strips it, so the
/// admin's evident meaning is kept, and the caller reports it.
enum ControlLines {
  /// The meaningful lines of `bytes`.
  static func split(_ bytes: [UInt8], skipComments: Bool = true) -> [ControlLine] {
    // users/assign (read with skipComments false) has no comments and no blank lines.
    var lines: [ControlLine] = []
    var number = 0
    if bytes.isEmpty { return [] }
    var pieces = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if bytes.last == UInt8(ascii: "\n") { pieces.removeLast() }
    for raw in pieces {
      number += 1
      var text = Array(raw)
      var hadCR = false
      while let last = text.last, last == 0x20 || last == 0x09 || last == 0x0D {
        if last == 0x0D { hadCR = true }
        text.removeLast()
      }
      if skipComments, text.isEmpty || text.first == UInt8(ascii: "#") { continue }
      lines.append(
        ControlLine(number: number, text: text, raw: Array(raw), hadCarriageReturn: hadCR))
    }
    return lines
  }
}
