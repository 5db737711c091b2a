import ArgumentParser
import CDB
import DKEngine
import KeyStore
import QmailControl
import Snapshot
import TcpRules
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that maps failures to exit statuses (documented in toaster-dk(1)).
///
/// The scheme is sysexits: scripts fix their input on 65 and may retry on 74, the same
/// permanent/temporary split djb's tools make with 100 and 111.
enum ExitStatus: Int32 {
  case success = 0
  case negative = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  case software = 70
  case cannotCreate = 73
  case ioError = 74

  /// The status for an error thrown by a library.
  init(for error: any Error) {
    switch error {
    case let error as SystemError: self.init(for: error)
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

  private init(for error: SystemError) {
    switch error.code {
    case ENOENT, ENOTDIR: self = error.operation.hasPrefix("open") ? .noInput : .cannotCreate
    case EACCES, EPERM, EROFS, ENOSPC, EDQUOT, EEXIST, EXDEV, EISDIR: self = .cannotCreate
    default: self = .ioError
    }
  }

  /// The ArgumentParser exit code to throw.
  var exitCode: ExitCode { ExitCode(rawValue) }
}

extension ExitStatus {
  /// Prints `error` to standard error (every located diagnostic for a syntax error) and
  /// returns the exit code to throw from `run()`.
  static func report(_ error: any Error) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    if case .syntax(let diagnostics)? = error as? TcpRulesError, !diagnostics.isEmpty {
      diagnostics.forEach(DiagnosticPrinter.print)
    } else {
      DiagnosticPrinter.printError(error)
    }
    return ExitStatus(for: error).exitCode
  }
}
