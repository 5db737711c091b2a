import Foundation

/// The outcome of running a program: its exit status and what it printed.
public struct ProcessResult: Sendable, CustomStringConvertible {
  /// The exit status (or 128 + signal number when killed by a signal).
  public let status: Int32
  /// Everything written to standard output.
  public let stdout: [UInt8]
  /// Everything written to standard error.
  public let stderr: [UInt8]

  /// Standard output decoded as UTF-8 (lossy).
  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error decoded as UTF-8 (lossy).
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

  public var description: String {
    "exit \(status)\n--- stdout\n\(stdoutText)--- stderr\n\(stderrText)"
  }
}

/// Runs programs for tests, feeding standard input and capturing both outputs.
public enum ProcessRunner {
  /// Runs `executable` with `arguments`, `stdin` as its input, and extra `environment`.
  ///
  /// - Throws: when the program cannot be started.
  public static func run(
    _ executable: String, _ arguments: [String], stdin: [UInt8] = [],
    environment: [String: String] = [:], clearEnvironment: Bool = false,
    currentDirectory: String? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = clearEnvironment ? [:] : ProcessInfo.processInfo.environment
    env.merge(environment) { _, new in new }
    process.environment = env
    if let currentDirectory {
      process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
    }
    let inPipe = Pipe()
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = errPipe
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    group.enter()
    DispatchQueue.global().async {
      out = outPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      err = errPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin))
    try? inPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return ProcessResult(status: status, stdout: Array(out), stderr: Array(err))
  }
}
