#if canImport(Glibc)
  import Glibc
#endif

/// Every way the signer ends: the one place that maps outcomes to qmail-remote's contract
/// (qmail-rspawn: exit 0 with reports, or 111; any other exit bounces for good).
///
/// | outcome | what qmail-rspawn gets |
/// | --- | --- |
/// | handed over (signed or unsigned) | qmail-remote.orig's own reports and exit |
/// | any failure of the signer (key unreadable or unusable, message unreadable, spool, exec) | `Ztoaster-dk-remote: REASON (#4.3.0)` + NUL, exit 0 |
/// | the report cannot be written | exit 111 |
enum RemoteExit: Error {
  case deferral(String)

  /// qmail-send logs the text; a NUL ends the report, so none may be inside it.
  static let maximumText = 400

  /// `Ztoaster-dk-remote: REASON (#4.3.0)` without control characters.
  var report: String {
    guard case .deferral(let reason) = self else { return "" }
    var body = String(
      reason.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    if body.utf8.count > Self.maximumText {
      body = String(decoding: Array(body.utf8.prefix(Self.maximumText - 3)), as: UTF8.self) + "..."
    }
    return "Ztoaster-dk-remote: \(body) (#4.3.0)"
  }

  /// Writes the report, NUL-terminated, to fd 1 and a log line to fd 2, then exits 0 (111
  /// when the report cannot be written).
  func finish() -> Never {
    RemoteLog.write(String(report.dropFirst("Ztoaster-dk-remote: ".count)))
    var bytes = Array(report.utf8) + [0]
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        write(1, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0, errno == EINTR { continue }
      if written <= 0 { _exit(111) }
      offset += written
    }
    _exit(0)
  }
}

/// The signer's log: fd 2, which the launcher (toaster-dk-remote) reads and sends to syslog,
/// so nothing the signer says reaches qmail-rspawn's report stream.
enum RemoteLog {
  /// Writes `toaster-dk-remote: TEXT` and a line end to fd 2, unless fd 2 is the report
  /// stream itself (the signer run without its launcher, or after the hand-over).
  static func write(_ text: String) {
    guard !stderrIsReportStream else { return }
    let clean = text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) }
    var line = Array("toaster-dk-remote: \(String(clean))\n".utf8)
    _ = Glibc.write(2, &line, line.count)
  }

  /// Whether fd 2 is the same file as fd 1 (qmail-rspawn gives both its report pipe).
  static var stderrIsReportStream: Bool {
    var out = stat()
    var err = stat()
    guard fstat(1, &out) == 0, fstat(2, &err) == 0 else { return true }
    return out.st_dev == err.st_dev && out.st_ino == err.st_ino
  }
}
