/// What the shared line grammar found on one line, as offsets into that line.
///
/// Offsets count from the first byte of the line (the byte after the previous LF), so the
/// lossless parser and the streaming compiler can both use them without copying.
enum LineScan {
  /// A `#` in column 1.
  case comment
  /// An empty line.
  case blank
  /// A line tcprules skips silently: no `:` once trailing space and tab are stripped.
  case ignored
  /// A rule; its settings were appended to the caller's assignment list.
  case rule(ScannedRule)
  /// A line tcprules rejects.
  case invalid(LineProblem)
}
