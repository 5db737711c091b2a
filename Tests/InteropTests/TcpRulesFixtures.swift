import Foundation

/// The tcp.smtp fixtures shared with TcpRulesTests, read from the source tree so the
/// interop tests compile exactly the same files with tcprules and with toaster-dk.
enum TcpRulesFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TcpRulesTests/Fixtures")

  /// Every fixture file below `subdirectory` (accepted or rejected), sorted by name.
  static func files(_ subdirectory: String) -> [String] {
    let base = directory.appendingPathComponent(subdirectory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map {
      base.appendingPathComponent($0).path
    }
  }

  /// Every fixture, accepted and rejected.
  static var all: [String] { files("accepted") + files("rejected") }
}
