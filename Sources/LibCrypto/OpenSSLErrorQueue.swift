internal import COpenSSL

/// The thread's OpenSSL error queue: cleared before an operation, drained after a failure.
enum OpenSSLErrorQueue {
  /// Discards anything left on the queue so a later drain reports only the next operation.
  ///
  /// Every operation starts here, so this is also where libcrypto gets initialised.
  static func clear() {
    OpenSSLLibrary.initialise()
    ERR_clear_error()
  }

  /// Empties the queue into readable entries, oldest first, each naming file and line.
  static func drain() -> [String] {
    var entries: [String] = []
    while true {
      var file: UnsafePointer<CChar>?
      var line: Int32 = 0
      var data: UnsafePointer<CChar>?
      var flags: Int32 = 0
      let code = ERR_get_error_all(&file, &line, nil, &data, &flags)
      if code == 0 { return entries }
      var buffer = [CChar](repeating: 0, count: 256)
      ERR_error_string_n(code, &buffer, buffer.count)
      let text = data.flatMap { flags & ERR_TXT_STRING != 0 ? String(cString: $0) : nil }
      entries.append(
        entry(
          String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
          reasonKnown: ERR_reason_error_string(code) != nil, data: text,
          location: file.map { "\(String(cString: $0)):\(line)" }))
    }
  }

  /// One drained entry as shown: OpenSSL's line, its data, where it was raised, and, when
  /// the process runs without OpenSSL's texts (`CryptoStartup`), where to find the reason.
  static func entry(_ line: String, reasonKnown: Bool, data: String?, location: String?)
    -> String
  {
    var entry = line
    if let data, !data.isEmpty { entry += " (\(data))" }
    if let location { entry += " at \(location)" }
    if !reasonKnown { entry += " (openssl errstr gives the reason)" }
    return entry
  }

  /// The error for a failed `operation`, carrying the drained queue.
  static func error(_ operation: String) -> LibCryptoError {
    .openssl(operation: operation, stack: drain())
  }
}
