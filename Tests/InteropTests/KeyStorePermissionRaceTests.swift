import Foundation
import TestSupport
import Testing

/// Watches the key directory while the real binary runs `domain add --force`, failing if a
/// key (or its temp file) is ever visible with a mode wider than owner and group read.
@Suite(.serialized) struct KeyStorePermissionRaceTests {
  struct Sighting: Equatable {
    let name: String
    let mode: mode_t
  }

  /// One pass over the domain directory: every private-key entry and its mode.
  static func scan(_ directory: String) -> [Sighting] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return []
    }
    return names.filter { $0 == "private" || $0.hasPrefix(".private.tmp") }.compactMap { name in
      var info = stat()
      guard lstat(directory + "/" + name, &info) == 0 else { return nil }
      return Sighting(name: name, mode: info.st_mode & 0o7777)
    }
  }

  @Test(arguments: [["--algorithm", "ed25519"], ["--bits", "2048"]])
  func keyIsNeverVisibleWithAWiderMode(keyOptions: [String]) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    try tree.add()
    let directory = tree.store.path + "/example.com"
    // Start from the widest plausible mistake: an old key someone made world-readable.
    chmod(directory + "/private", 0o644)
    var sightings = 0
    var temps = 0
    for _ in 0..<5 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: BuiltBinary.toasterDK)
      process.arguments =
        ["domain", "add", "example.com", "--root", tree.root, "--group", tree.groupName]
        + keyOptions + ["--force", "--quiet"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      var replaced = false
      try process.run()
      while process.isRunning {
        for sighting in Self.scan(directory) {
          if sighting.name == "private" && sighting.mode != 0o644 { replaced = true }
          if sighting.name == "private" && replaced {
            sightings += 1
            #expect(sighting.mode == 0o440, "key visible as \(String(sighting.mode, radix: 8))")
          } else if sighting.name != "private" {
            temps += 1
            #expect(sighting.mode & 0o037 == 0, "temp file \(String(sighting.mode, radix: 8))")
          }
        }
      }
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      #expect(Self.scan(directory) == [Sighting(name: "private", mode: 0o440)])
    }
    #expect(sightings + temps > 0, "the watcher never saw the key being written")
  }
}
