/// A numeric range in an address, such as `1.2.3.4-7` (tcprules expands it only when the
/// address has no `=` or `@`, at the first dash).
struct ScannedRange: Equatable {
  /// The first byte of the lower bound (after the last `.` before the dash).
  var lowerStart: Int
  /// The byte after the upper bound: the next `.` after the dash, or the address end.
  var upperEnd: Int
  /// The lower bound, read as tcprules does (64-bit, wrapping).
  var lower: UInt64
  /// The upper bound after clamping to 255.
  var upper: UInt64
  /// Whether the upper bound as written was above 255.
  var upperWasClamped: Bool
}
