import Foundation

/// Finds the real programs the interop tests compare against (tcprules, cdb, openssl, …).
public enum RealBinary {
  /// The absolute path of `name` on `PATH` (plus the sbin directories), or nil.
  public static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
    for directory in directories {
      let candidate = (directory as NSString).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Why a test that needs `names` must be skipped, or nil when all are installed.
  public static func missingReason(_ names: String...) -> String? {
    let missing = names.filter { find($0) == nil }
    return missing.isEmpty ? nil : "not installed: \(missing.joined(separator: ", "))"
  }
}
