import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Writes diagnostics and errors to standard error, prefixed with the program name.
enum DiagnosticPrinter {
  /// Prints one located diagnostic in `path:line:column: severity: message` form.
  static func print(_ diagnostic: Diagnostic) {
    writeToStandardError(diagnostic.description + "\n")
  }

  /// Prints an error message as `toaster-dk: error: message`.
  static func printError(_ error: any Error) {
    writeToStandardError("toaster-dk: error: \(error)\n")
  }

  /// Prints a warning as `toaster-dk: warning: message`.
  static func printWarning(_ message: String) {
    writeToStandardError("toaster-dk: warning: \(message)\n")
  }

  /// Prints a note (a progress or status line that is not a result).
  static func printNote(_ message: String) {
    writeToStandardError("toaster-dk: \(message)\n")
  }

  /// Shows `done` of `total` on one rewritten line, only on a terminal and for several items;
  /// `done == total` clears the line.
  static func printProgress(_ done: Int, of total: Int) {
    guard total > 1, isatty(2) != 0 else { return }
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
