#if canImport(Glibc)
  import Glibc
#endif

/// Time arithmetic and formatting for rotation steps (UTC, seconds since the epoch).
public enum RotationClock {
  /// qmail's default `control/queuelifetime`: a week.
  public static let defaultQueueLifetime = 604_800
  /// The negative-cache time assumed when none is given: unbound's cap (`dns.md` §2.6).
  public static let defaultNegativeTTL = 3600

  /// `2026-12-08T10:00:00Z`.
  public static func iso(_ time: Int) -> String {
    let parts = utc(time)
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// The default selector for a rotation started at `time`: `s` and the year and month
  /// (`s202612`), so selectors sort by age.
  public static func defaultSelector(at time: Int) -> String {
    let parts = utc(time)
    return "s\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))"
  }

  /// A duration as `7d`, `1d 2h`, `45m`, `30s`.
  public static func duration(_ seconds: Int) -> String {
    let seconds = max(0, seconds)
    let units = [(86400, "d"), (3600, "h"), (60, "m")]
    var parts: [String] = []
    var rest = seconds
    for (size, name) in units where rest >= size {
      parts.append("\(rest / size)\(name)")
      rest %= size
    }
    if rest > 0 || parts.isEmpty { parts.append("\(rest)s") }
    return parts.prefix(2).joined(separator: " ")
  }

  private static func utc(_ time: Int) -> tm {
    var value = time_t(time)
    var parts = tm()
    gmtime_r(&value, &parts)
    return parts
  }

  private static func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
