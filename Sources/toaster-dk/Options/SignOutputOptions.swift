import ArgumentParser
import DKEngine
import ToasterSupport

/// Where `test-sign` puts signed messages: standard output, `--output FILE` or, for several
/// messages, `--output-dir DIR` (never one after the other on standard output).
struct SignOutputOptions: ParsableArguments {
  @Flag(help: "Print only the headers that would be prepended.")
  var headerOnly = false

  @Option(
    help: ArgumentHelp(
      "Write the result to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Write each result to DIR/NAME, NAME being the message's file name (several messages).",
      valueName: "dir"))
  var outputDir: String?

  func validate() throws {
    if output != nil && outputDir != nil {
      throw ValidationError("give --output or --output-dir, not both")
    }
  }

  /// Refuses what would mix several messages into one stream or file.
  ///
  /// - Throws: a usage `CommandFailure` for several messages without `--output-dir` (or, with
  ///   `json`, with `--output`), or two messages of the same file name.
  func check(_ paths: [String], json: Bool) throws {
    if outputDir != nil {
      let names = paths.map(Self.name)
      if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
        throw CommandFailure(
          status: .usage,
          message: "two messages are named \(repeated): --output-dir needs names that differ")
      }
      return
    }
    guard paths.count > 1 else { return }
    if output != nil {
      throw CommandFailure(status: .usage, message: "--output takes one message: use --output-dir")
    }
    if !json {
      throw CommandFailure(
        status: .usage,
        message: "\(paths.count) messages would run together on standard output:"
          + " give --output-dir DIR")
    }
  }

  /// Writes what qmail-dk would queue for the message at `path`: to standard output (not
  /// under `json`, where the JSON takes its place), to `--output`, or into `--output-dir`.
  func write(_ report: SignReport, for path: String, json: Bool) throws {
    let parts = headerOnly ? [MessageBytes(report.headers)] : report.outputParts
    if let outputDir {
      guard !report.outputParts.isEmpty else { return }
      let directory = try Directory(path: outputDir, for: .writing)
      return try AtomicFile.replace(named: Self.name(path), in: directory) { fd, path in
        try Self.write(parts, to: fd, path: path)
      }
    }
    guard let output else {
      if json { return }
      return try Self.write(parts, to: 1, path: "standard output")
    }
    let slash = output.lastIndex(of: "/")
    let directory = slash.map { String(output[..<$0]) } ?? "."
    let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
    try AtomicFile.replace(
      named: name, in: try Directory(path: directory.isEmpty ? "/" : directory, for: .writing)
    ) { fd, path in try Self.write(parts, to: fd, path: path) }
  }

  private static func name(_ path: String) -> String {
    path == "-" ? "stdin.eml" : String(path.split(separator: "/").last ?? "message")
  }

  // In chunks, so a mapped message is written without all of it in memory at once.
  private static func write(_ parts: [MessageBytes], to fd: Int32, path: String) throws {
    for part in parts {
      try part.forEachChunk { try FileDescriptorIO.writeAll(fd, $0, path: path) }
    }
  }
}
