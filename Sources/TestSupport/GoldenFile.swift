import Foundation

/// Compares test output with a golden file kept in the source tree.
///
/// Set `TOASTER_DK_RECORD=1` to write the current output as the new golden file instead;
/// review the diff before committing it.
public enum GoldenFile {
  /// True when golden files are being re-recorded.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["TOASTER_DK_RECORD"] == "1"
  }

  /// Returns nil when `actual` matches the golden file at `path` (or was just recorded),
  /// else a message showing both.
  public static func mismatch(_ actual: String, goldenPath path: String) -> String? {
    if isRecording {
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
      return nil
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return "no golden file \(path); run the tests with TOASTER_DK_RECORD=1 to create it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return nil }
    return "output differs from \(path)\n--- expected\n\(expected)\n--- actual\n\(actual)"
  }
}
