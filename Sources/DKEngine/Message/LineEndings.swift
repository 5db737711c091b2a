/// How the line ends of an input message are read: the one place line endings are decided.
///
/// Every canonicalization works on line *contents* and appends CRLF itself, so no
/// CRLF copy of the message is ever made.
public enum LineEndings: Sendable, Hashable {
  /// qmail's queue format: every LF ends a line and a CR before it is content.
  ///
  /// This is what qmail-dk feeds libdomainkeys: each `\n` becomes `\r\n`, so a CR already
  /// in the file becomes `\r\r\n`.
  case qmail
  /// Wire format: CRLF ends a line; a bare LF is accepted as a line end too.
  case crlf

  /// `.crlf` when the first line ends in CRLF, otherwise `.qmail` (dktest's rule).
  public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> LineEndings {
    guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return .qmail }
    return newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r") ? .crlf : .qmail
  }

  /// The end of a line's content, given the index of the LF that ends it.
  @inline(__always)
  func contentEnd(start: Int, newline: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if self == .crlf, newline > start, bytes[newline - 1] == UInt8(ascii: "\r") {
      return newline - 1
    }
    return newline
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The index of the next LF at or after `start` and before `end`, or `end`.
  @inline(__always)
  func nextNewline(from start: Int, to end: Int) -> Int {
    var index = start
    while index < end && self[index] != 10 { index += 1 }
    return index
  }

  /// Calls `body` with the content range of every line in `range`, in order.
  ///
  /// A final segment without a line end counts as a line when it is not empty. `release`,
  /// when given, hears of every `MessageBytes.releaseChunk` or so of lines done, and of the
  /// rest at the end.
  @inline(__always)
  func forEachLine(
    in range: Range<Int>, lineEndings: LineEndings, release: ((Range<Int>) -> Void)? = nil,
    _ body: (Range<Int>) -> Void
  ) {
    var start = range.lowerBound
    var released = start
    while start < range.upperBound {
      let newline = nextNewline(from: start, to: range.upperBound)
      let end =
        newline < range.upperBound
        ? lineEndings.contentEnd(start: start, newline: newline, in: self) : newline
      body(start..<end)
      start = newline + 1
      if let release, start - released >= MessageBytes.releaseChunk {
        release(released..<Swift.min(start, range.upperBound))
        released = start
      }
    }
    if let release, released < range.upperBound { release(released..<range.upperBound) }
  }
}
