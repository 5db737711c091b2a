/// What sits at `bin/qmail-remote`: the stock program, QmailToaster's Perl DKIM wrapper,
/// toaster-dk-remote (installed by `remote install`), or a layout toaster-dk leaves alone.
public struct RemoteChain: Sendable, Hashable {
  /// Who qmail-rspawn runs as qmail-remote.
  public enum State: String, Sendable, Hashable {
    /// The real qmail-remote, no qmail-remote.orig.
    case stock
    /// The QMT Perl wrapper (a script, `qmail-remote.orig` and `control/dkim/signconf.xml`).
    case qmtPerlWrapper = "qmt-perl-wrapper"
    /// A link to toaster-dk-remote, what it replaced kept for `uninstall`.
    case toasterDK = "toaster-dk-remote"
    /// Anything else; `problem` says what.
    case unknown
  }

  /// The name of the hard link that keeps what qmail-remote was before `install`.
  public static let savedName = "qmail-remote.before-toaster-dk"

  /// The state.
  public let state: State
  /// What `qmail-remote` points at, when it is a symbolic link.
  public let target: String?
  /// Whether qmail-remote.orig exists.
  public let hasOriginal: Bool
  /// Whether the saved program exists.
  public let hasSaved: Bool
  /// The QMT wrapper's settings, when its signconf.xml was read.
  public let perlWrapper: PerlWrapperSettings?
  /// Why the layout is unknown, or nil.
  public let problem: String?

  /// Classifies what was found in `bin/` (and `control/dkim/`).
  public init(
    target: String?, isScript: Bool, mentionsPerl: Bool, hasOriginal: Bool, hasSaved: Bool,
    perlWrapper: PerlWrapperSettings?
  ) {
    self.target = target
    self.hasOriginal = hasOriginal
    self.hasSaved = hasSaved
    self.perlWrapper = perlWrapper
    let last = target.flatMap { $0.split(separator: "/").last.map(String.init) }
    switch (target, last) {
    case (.some, "toaster-dk-remote") where hasSaved && hasOriginal:
      (state, problem) = (.toasterDK, nil)
    case (.some, "toaster-dk-remote"):
      (state, problem) = (
        .unknown,
        "bin/qmail-remote points at toaster-dk-remote but \(Self.savedName) or "
          + "qmail-remote.orig is missing, so there is nothing to go back to"
      )
    case (.some(let other), _):
      (state, problem) = (
        .unknown, "bin/qmail-remote is a link to \(other); toaster-dk leaves it alone"
      )
    case (nil, _) where hasSaved:
      (state, problem) = (.unknown, "\(Self.savedName) already exists; remove it first")
    case (nil, _) where isScript && mentionsPerl && hasOriginal && perlWrapper != nil:
      (state, problem) = (.qmtPerlWrapper, nil)
    case (nil, _) where isScript:
      (state, problem) = (
        .unknown, "bin/qmail-remote is a script but not QmailToaster's Perl DKIM wrapper"
      )
    case (nil, _) where hasOriginal:
      (state, problem) = (
        .unknown, "bin/qmail-remote.orig exists, so bin/qmail-remote is some other wrapper"
      )
    case (nil, _):
      (state, problem) = (.stock, nil)
    }
  }

  /// One line per fact, for `remote status`.
  public var lines: [String] {
    var lines: [String] = []
    switch state {
    case .stock:
      lines.append("qmail-remote: the stock program; nothing leaving the queue is signed")
      lines.append("`remote install` puts toaster-dk-remote in front of it (as qmail-remote.orig)")
    case .qmtPerlWrapper:
      lines.append("qmail-remote: QmailToaster's Perl DKIM wrapper, in front of qmail-remote.orig")
      lines += (perlWrapper?.problems ?? []).map { "problem: " + $0 }
      lines.append(
        "`remote install --import-keys` replaces it with toaster-dk-remote and imports its keys")
    case .toasterDK:
      lines.append("qmail-remote -> \(target ?? ""): toaster-dk-remote signs what leaves the queue")
      lines.append("`remote uninstall` puts back the program kept as \(Self.savedName)")
    case .unknown:
      lines.append("qmail-remote: unknown layout: \(problem ?? "")")
    }
    return lines
  }
}
