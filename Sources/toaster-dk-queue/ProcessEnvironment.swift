#if canImport(Glibc)
  import Glibc
#endif

/// The process's environment and standard error, without Foundation (start-up cost is
/// paid per message).
enum ProcessEnvironment {
  /// Every `NAME=value` of the environment; the first of repeated names wins, as getenv.
  static func variables() -> [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") {
        let name = String(text[..<equals])
        if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
      }
      entry += 1
    }
    return result
  }

  /// Writes `toaster-dk-queue: TEXT` and a line end to standard error (the smtp log).
  static func log(_ text: String) {
    var line = Array("toaster-dk-queue: \(text)\n".utf8)
    _ = write(2, &line, line.count)
  }
}
