import Foundation
import TestSupport
import Testing

/// Checks a command's full transcript (exit status, stdout, stderr) against
/// `Snapshots/NAME.txt`; re-record with `TOASTER_DK_RECORD=1`.
func expectTranscript(
  _ result: ProcessResult, in sandbox: Sandbox, matches name: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots/\(name).txt").path
  if let mismatch = GoldenFile.mismatch(sandbox.transcript(result), goldenPath: path) {
    Issue.record(Comment(rawValue: mismatch), sourceLocation: sourceLocation)
  }
}

/// The names in a directory, hidden files included, for "no temp file left" checks.
///
/// A directory that cannot be listed is a test failure, not an empty list: "nothing left
/// behind" must not pass because the directory is gone.
func directoryEntries(_ path: String) -> [String] {
  do {
    return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  } catch {
    Issue.record("cannot list \(path): \(error)")
    return []
  }
}
