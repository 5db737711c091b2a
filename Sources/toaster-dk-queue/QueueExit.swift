import MailPath

#if canImport(Glibc)
  import Glibc
#endif

/// Every way toaster-dk-queue ends: the one place that maps outcomes to qmail-queue exit
/// codes (qmail-queue(8): 0 queued, 11–40 permanent, the rest temporary) and fd-4 texts.
///
/// | outcome | exit | fd 4 |
/// | --- | --- | --- |
/// | the next program ended | its status | (its own) |
/// | the next program was killed | the same signal | (none) |
/// | policy rejection (DKVERIFY, qmail-dk's signing refusals) | 82 | qmail-dk's `D…`/`Z…` |
/// | out of memory | 51 | `Z…` |
/// | the whole job took more than a day (SIGALRM, set in main; the next program is killed) | 52 | (none) |
/// | cannot write the spool or to the next program | 53 | `Z…` |
/// | cannot read the message | 54 | `Z…` |
/// | configuration: key or control/me unreadable, the next program is the filter itself | 55 | `Z…` |
/// | the qmail home cannot be entered (qmail-dk's code) | 61 | `Z…` |
/// | the next program cannot be run (qmail-dk's code) | 120 | `Z…` |
/// | waiting for the next program failed (qmail-dk's code) | 57 | `Z…` |
/// | anything else | 81 | `Z…` |
///
/// qmail_close takes the fd-4 text only with exit 82; with the other codes the client sees
/// qmail's own text for the code (`mail-path.md` §1.1) and the text goes to the log.
enum QueueExit: Error {
  case outOfMemory(String)
  case writeFailed(String)
  case readFailed(String)
  case configuration(String)
  case homeDirectory(String)
  case execFailed(String)
  case waitFailed(String)
  case internalError(String)
  case rejected(text: String)
  case exited(Int32)
  case killed(Int32)

  /// The failure for a filter decision that could not be made.
  init(_ failure: FilterFailure) {
    switch failure {
    case .unreadableKey, .unreadableControlFile: self = .configuration(failure.description)
    case .signingFailed: self = .internalError(failure.description)
    }
  }

  /// The qmail-queue exit code (nil when the process ends by a signal).
  var code: Int32? {
    switch self {
    case .outOfMemory: 51
    case .writeFailed: 53
    case .readFailed: 54
    case .configuration: 55
    case .homeDirectory: 61
    case .execFailed: 120
    case .waitFailed: 57
    case .internalError: 81
    case .rejected: 82
    case .exited(let status): status
    case .killed: nil
    }
  }

  /// The text for fd 4: at most 255 bytes, no CR or LF, `D` or `Z` first.
  var text: String? {
    switch self {
    case .rejected(let text): return Self.fitted(text)
    case .outOfMemory(let reason), .writeFailed(let reason), .readFailed(let reason),
      .configuration(let reason), .homeDirectory(let reason), .execFailed(let reason),
      .waitFailed(let reason), .internalError(let reason):
      return Self.temporaryText(reason)
    case .exited, .killed: return nil
    }
  }

  /// `Ztoaster-dk-queue: REASON (#4.3.0)`, the reason shortened to fit 255 bytes.
  static func temporaryText(_ reason: String) -> String {
    let prefix = Array("Ztoaster-dk-queue: ".utf8)
    let suffix = Array(" (#4.3.0)".utf8)
    let room = maximumText - prefix.count - suffix.count
    var body = Array(sanitized(reason).utf8)
    if body.count > room {
      body = Array(body.prefix(room - 3)) + Array("...".utf8)
    }
    return String(decoding: prefix + body + suffix, as: UTF8.self)
  }

  /// qmail_close reads at most 255 bytes from fd 4.
  static let maximumText = 255

  private static func fitted(_ text: String) -> String {
    String(decoding: Array(sanitized(text).utf8).prefix(maximumText), as: UTF8.self)
  }

  // qmail-smtpd prints the text and then its own CRLF, so line ends would break the reply.
  private static func sanitized(_ text: String) -> String {
    String(
      text.unicodeScalars.map { scalar in
        scalar.value < 0x20 || scalar.value == 0x7F ? " " : Character(scalar)
      })
  }

  /// Writes the fd-4 text and a log line, then ends the process accordingly.
  func finish() -> Never {
    if let text {
      var bytes = Array(text.utf8)
      // Without fd 4 (a caller other than QMT's qmail_open) the write simply fails.
      _ = write(4, &bytes, bytes.count)
      var line = Array("toaster-dk-queue: \(text.dropFirst())\n".utf8)
      _ = write(2, &line, line.count)
    }
    if case .killed(let signalNumber) = self {
      // Ends with the next program's signal, so the caller reports what it would have
      // reported without the filter ("qq crashed"); no core file of our own.
      var limit = rlimit(rlim_cur: 0, rlim_max: 0)
      _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit)
      signal(signalNumber, SIG_DFL)
      raise(signalNumber)
      _exit(81)
    }
    exit(code ?? 81)
  }
}
