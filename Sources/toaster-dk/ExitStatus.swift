import ArgumentParser
import CDB
import DKEngine
import DNS
import KeyStore
import MailPath
import QmailControl
import Rotation
import Snapshot
import TcpRules
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that maps failures to exit statuses (documented in toaster-dk(1)).
///
/// The scheme is sysexits: scripts fix their input on 65 and may retry on 74, the same
/// permanent/temporary split djb's tools make with 100 and 111. Status 1 is the one
/// negative answer: a signature that does not verify, a message qmail-dk would refuse, a
/// self-check that fails, a key `domain check` finds mismatched or missing in DNS; 75 is
/// "try again later" (a rotate step not yet safe, or only temporary DNS failures).
enum ExitStatus: Int32, Comparable {
  case success = 0
  case negative = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  case software = 70
  case cannotCreate = 73
  case ioError = 74
  case tempFail = 75

  /// The status for an error thrown by a library.
  init(for error: any Error) {
    switch error {
    case let failure as CommandFailure: self = failure.status
    case let error as SystemError: self.init(for: error)
    case is MappedFile.TooLarge: self = .dataError
    case let error as CDBError:
      switch error {
      case .system(let inner): self.init(for: inner)
      case .malformed: self = .dataError
      case .tooLarge: self = .cannotCreate
      }
    case let error as TcpRulesError:
      switch error {
      case .syntax: self = .dataError
      case .editNotApplied(let inner, _): self.init(for: inner)
      default: self = .usage
      }
    case is SymbolicLinkError: self = .cannotCreate
    case let error as KeyStoreError: self.init(for: error)
    case let error as RotationError: self.init(for: error)
    case let error as SnapshotError:
      if case .system(let inner) = error { self.init(for: inner) } else { self = .cannotCreate }
    case let error as QmailControlError:
      if case .system(let inner) = error { self.init(for: inner) } else { self = .dataError }
    case let error as DKEngineError:
      switch error {
      case .invalidVerifyLetters, .invalidName: self = .usage
      case .keyNotReadable: self = .noInput
      default: self = .dataError
      }
    case let error as QueueChainError:
      switch error {
      case .unknownLayout, .notInstalled: self = .dataError
      case .noFilter: self = .noInput
      case .system(let inner): self.init(for: inner)
      case .symbolicLink: self = .cannotCreate
      }
    case let error as RemoteChainError:
      switch error {
      case .unknownLayout, .notInstalled, .wrapsItself: self = .dataError
      case .noLauncher: self = .noInput
      case .system(let inner): self.init(for: inner)
      }
    case let error as DNSError:
      switch error {
      case .invalidServer, .invalidTimeout, .invalidTimeoutText: self = .usage
      case .unreadableFile: self = .noInput
      case .configuration: self = .dataError
      case .contextCreationFailed, .libraryUnavailable: self = .software
      }
    case is ValidationError: self = .usage
    default: self = .software
    }
  }

  private init(for error: KeyStoreError) {
    switch error {
    case .invalidDomain, .invalidSelector, .invalidKeySize, .invalidAlgorithm, .invalidTTL,
      .unknownOwner, .unknownGroup, .unknownSigner, .dkimOnlyKey, .confirmationRequired,
      .ambiguousBackup:
      self = .usage
    case .missingKeyDirectory, .noSuchKey, .noSuchDomain, .noBackup: self = .noInput
    case .unreadableKey: self = .dataError
    case .notPermitted, .keyExists, .symbolicLink, .aliasLink, .unexpectedFileType:
      self = .cannotCreate
    case .system(let inner): self.init(for: inner)
    case .crypto: self = .software
    }
  }

  private init(for error: RotationError) {
    switch error {
    case .malformedState, .noSigningTemplate, .nothingToRotate: self = .dataError
    case .noRotation: self = .noInput
    case .inProgress, .severalSelectors, .selectorNotSigning, .sameSelector, .rsaOnly,
      .ed25519Selector,
      .unknownDomain, .wrongPhase:
      self = .usage
    case .selectorTaken, .selectorSetting: self = .cannotCreate
    case .notReady(_, _, let temporaryOnly): self = temporaryOnly ? .tempFail : .negative
    case .tooEarly: self = .tempFail
    }
  }

  // An input that is missing or may not be read is 66; an output that cannot be made is 73.
  private init(for error: SystemError) {
    switch (error.access, error.code) {
    case (.reading, ENOENT), (.reading, ENOTDIR), (.reading, EACCES), (.reading, EPERM):
      self = .noInput
    case (.writing, ENOENT), (.writing, ENOTDIR), (.writing, EACCES), (.writing, EPERM),
      (.writing, EROFS), (.writing, ENOSPC), (.writing, EDQUOT), (.writing, EEXIST),
      (.writing, EXDEV), (.writing, EISDIR):
      self = .cannotCreate
    default: self = .ioError
    }
  }

  /// The exit statuses as every `--help` states them (and the README, word for word).
  static let help = """
    EXIT STATUS: 0 success (rules check: whatever the answer; test-verify: every \
    signature verified and qmail-dk would accept; test-sign: signed, or queued unsigned, \
    and the self-check passed; domain check: every key published and matching); 1 negative \
    answer: a signature did not verify, qmail-dk would reject the message, the self-check \
    failed, or domain check found a record mismatched or missing (--json says which); 64 usage \
    error, including a --root that does not exist; 65 bad input data (tcp.smtp syntax, a \
    malformed key or record, lint findings, input over the size limit); 66 missing or \
    unreadable input; 70 internal error; 73 cannot create output (permissions, read-only or \
    full disk); 74 other I/O error; 75 try again later (rotate: not yet safe, or only a \
    temporary DNS failure stands in the way; domain check: only temporary DNS failures stood \
    in the way). When one of several messages fails, the others are \
    still checked and the status is the highest one.
    """

  /// The ArgumentParser exit code to throw.
  var exitCode: ExitCode { ExitCode(rawValue) }

  static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ExitStatus {
  /// Wraps a library error for `run()` to throw: `ToasterDK.main()` prints it once, on
  /// standard error and, under `--json`, as a JSON object on standard output.
  static func report(_ error: any Error) -> any Error {
    if error is ExitCode || error is CommandFailure { return error }
    return CommandFailure(error)
  }
}

/// A failed command: its exit status and what to tell the user.
struct CommandFailure: Error {
  /// The exit status.
  let status: ExitStatus
  /// The error message, without the `toaster-dk: error:` prefix.
  let message: String
  /// The located diagnostics (every bad line of a tcp.smtp), when there are any.
  let diagnostics: [Diagnostic]

  init(_ error: any Error) {
    status = ExitStatus(for: error)
    message = error is MappedFile.TooLarge ? "\(error); raise it with --max-size" : "\(error)"
    if case .syntax(let found)? = error as? TcpRulesError {
      diagnostics = found
    } else {
      diagnostics = []
    }
  }

  init(status: ExitStatus, message: String) {
    (self.status, self.message, diagnostics) = (status, message, [])
  }

  /// Prints the failure: to standard error, and as JSON on standard output when `json`.
  func print(json: Bool) {
    if diagnostics.isEmpty {
      DiagnosticPrinter.printError(message)
    } else {
      diagnostics.forEach(DiagnosticPrinter.print)
    }
    if json { OutputOptions.printJSON(self.json) }
  }
}

extension CommandFailure {
  /// The JSON object a failing command prints under `--json`: the message, the exit status
  /// and, for a tcp.smtp with bad lines, each located diagnostic.
  var json: JSONValue {
    .object(omittingNil: [
      ("error", .string(message)),
      ("exit_status", .int(Int(status.rawValue))),
      ("diagnostics", diagnostics.isEmpty ? nil : .array(diagnostics.map(Self.json))),
    ])
  }

  private static func json(_ diagnostic: Diagnostic) -> JSONValue {
    .object(omittingNil: [
      ("path", .string(diagnostic.location.path)),
      ("line", .int(diagnostic.location.line)),
      ("column", .int(diagnostic.location.column)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(diagnostic.message)),
      ("hint", diagnostic.hint.map(JSONValue.string)),
    ])
  }
}
