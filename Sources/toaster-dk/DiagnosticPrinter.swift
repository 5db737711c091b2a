import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Writes diagnostics and errors to standard error, prefixed with the program name.
///
/// Under `-q` only errors are written.
enum DiagnosticPrinter {
  // Set once by `ToasterDK.main()` before any command runs, never changed after.
  nonisolated(unsafe) static var quiet = false

  /// Prints one located diagnostic in `path:line:column: severity: message` form (under
  /// `-q` only errors).
  static func print(_ diagnostic: Diagnostic) {
    guard !quiet || diagnostic.severity == .error else { return }
    writeToStandardError(diagnostic.description + "\n")
  }

  /// Prints an error as `toaster-dk: error: message`.
  static func printError(_ error: any Error) { printError("\(error)") }

  /// Prints an error message as `toaster-dk: error: message`.
  static func printError(_ message: String) {
    writeToStandardError("toaster-dk: error: \(message)\n")
  }

  /// Prints a warning as `toaster-dk: warning: message` (not under `-q`).
  static func printWarning(_ message: String) {
    guard !quiet else { return }
    writeToStandardError("toaster-dk: warning: \(message)\n")
  }

  /// Prints a note (a progress or status line that is not a result; not under `-q`).
  static func printNote(_ message: String) {
    guard !quiet else { return }
    writeToStandardError("toaster-dk: \(message)\n")
  }

  /// Shows `done` of `total` on one rewritten line, only on a terminal and for several items;
  /// `done == total` clears the line.
  static func printProgress(_ done: Int, of total: Int) {
    guard total > 1, !quiet, isatty(2) != 0 else { return }
    guard done < total else { return writeToStandardError("\r\u{1B}[K") }
    let width = 30
    let filled = done * width / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    writeToStandardError("\r[\(bar)] \(done)/\(total)")
  }

  private static func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
