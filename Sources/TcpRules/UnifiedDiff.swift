/// A unified diff between two versions of a text file, as `diff -u` prints it.
///
/// Edits of tcp.smtp change lines in place and never add or remove lines, so the diff
/// pairs lines by position; files of different lengths get one hunk covering both.
public struct UnifiedDiff: Equatable, Sendable {
  /// The diff text, empty when the versions are equal.
  public let text: [UInt8]

  /// Compares `old` and `new`, labelling them with `path`, with `context` lines of context.
  public init(old: [UInt8], new: [UInt8], path: String, context: Int = 3) {
    guard old != new else {
      text = []
      return
    }
    let oldLines = Self.lines(old)
    let newLines = Self.lines(new)
    var out = Array("--- \(path)\n+++ \(path) (new)\n".utf8)
    if oldLines.count != newLines.count {
      out += Self.hunk(oldLines, 0..<oldLines.count, newLines, 0..<newLines.count)
    } else {
      for range in Self.changedRanges(oldLines, newLines, context: context) {
        out += Self.hunk(oldLines, range, newLines, range)
      }
    }
    text = out
  }

  private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if bytes.last == 0x0A { result.removeLast() }
    return result
  }

  private static func changedRanges(
    _ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>], context: Int
  ) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for index in old.indices where old[index] != new[index] {
      let range = max(0, index - context)..<min(old.count, index + context + 1)
      if let last = ranges.last, last.upperBound >= range.lowerBound {
        ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
      } else {
        ranges.append(range)
      }
    }
    return ranges
  }

  private static func hunk(
    _ old: [ArraySlice<UInt8>], _ oldRange: Range<Int>, _ new: [ArraySlice<UInt8>],
    _ newRange: Range<Int>
  ) -> [UInt8] {
    var out = Array(
      "@@ -\(span(oldRange)) +\(span(newRange)) @@\n".utf8)
    if oldRange == newRange {
      for index in oldRange {
        if old[index] == new[index] {
          out += [0x20] + old[index] + [0x0A]
        } else {
          out += [0x2D] + old[index] + [0x0A]
          out += [0x2B] + new[index] + [0x0A]
        }
      }
    } else {
      for index in oldRange { out += [0x2D] + old[index] + [0x0A] }
      for index in newRange { out += [0x2B] + new[index] + [0x0A] }
    }
    return out
  }

  private static func span(_ range: Range<Int>) -> String {
    range.isEmpty ? "\(range.lowerBound),0" : "\(range.lowerBound + 1),\(range.count)"
  }
}
