import Foundation

/// Locates the `toaster-dk` executable that `swift build` made for this test run.
public enum BuiltBinary {
  /// The path of the built `toaster-dk`, next to the test bundle.
  public static var toasterDK: String {
    if let override = ProcessInfo.processInfo.environment["TOASTER_DK_BINARY"] {
      return override
    }
    // Test bundles and executables share the build products directory.
    let bundle = Bundle.main.bundleURL
    let candidates = [bundle, bundle.deletingLastPathComponent()].map {
      $0.appendingPathComponent("toaster-dk").path
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    let arguments = CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    if let directory = arguments?.deletingLastPathComponent() {
      return directory.appendingPathComponent("toaster-dk").path
    }
    return candidates[0]
  }

  /// Runs the built toaster-dk with `arguments` and captures everything.
  ///
  /// - Throws: when the binary cannot be started.
  public static func run(
    _ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try ProcessRunner.run(toasterDK, arguments, stdin: stdin, environment: environment)
  }
}
