/// What sits at `bin/qmail-queue`: QmailToaster's link to qmail-dk, the link to
/// toaster-dk-queue that `queue install` made, or a layout toaster-dk does not change.
public struct QueueChain: Sendable, Hashable {
  /// Who receives mail at `bin/qmail-queue`.
  public enum State: String, Sendable, Hashable {
    /// `qmail-queue -> qmail-dk` with `qmail-queue.orig` behind it (QmailToaster).
    case qmailDK = "qmail-dk"
    /// `qmail-queue -> …/toaster-dk-queue`, the previous link kept for `uninstall`.
    case filter = "toaster-dk-queue"
    /// Anything else; `problem` says what.
    case unknown
  }

  /// The system path of the queue link.
  public static let linkPath = "/var/qmail/bin/qmail-queue"
  /// The name of the link that keeps what qmail-queue pointed at before `install`.
  public static let savedName = "qmail-queue.before-toaster-dk"

  /// The state.
  public let state: State
  /// What `qmail-queue` points at, or nil when it is not a symbolic link.
  public let target: String?
  /// What the saved link points at (the pre-install target), when it exists.
  public let savedTarget: String?
  /// Whether `qmail-queue.orig` exists.
  public let hasOriginalQueue: Bool
  /// Why the layout is unknown, or nil.
  public let problem: String?

  /// Classifies what was found in `bin/`.
  public init(target: String?, savedTarget: String?, hasOriginalQueue: Bool) {
    self.target = target
    self.savedTarget = savedTarget
    self.hasOriginalQueue = hasOriginalQueue
    let last = target.flatMap { $0.split(separator: "/").last.map(String.init) }
    switch (target, last) {
    case (nil, _):
      (state, problem) = (
        .unknown,
        "bin/qmail-queue is not a symbolic link (no qmail-dk in front of the queue); "
          + "toaster-dk switches only QmailToaster's qmail-queue -> qmail-dk link"
      )
    case (_, "toaster-dk-queue") where savedTarget != nil:
      (state, problem) = (.filter, nil)
    case (_, "toaster-dk-queue"):
      (state, problem) = (
        .unknown,
        "bin/qmail-queue points at toaster-dk-queue but \(Self.savedName) is missing, "
          + "so there is nothing to go back to"
      )
    case (_, "qmail-dk") where hasOriginalQueue && savedTarget == nil:
      (state, problem) = (.qmailDK, nil)
    case (_, "qmail-dk") where savedTarget != nil:
      (state, problem) = (.unknown, "\(Self.savedName) already exists; remove it first")
    case (_, "qmail-dk"):
      (state, problem) = (
        .unknown, "bin/qmail-queue.orig is missing: qmail-dk would have no queue to hand to"
      )
    default:
      (state, problem) = (
        .unknown,
        "bin/qmail-queue points at \(target ?? ""), not qmail-dk; "
          + "toaster-dk switches only QmailToaster's qmail-queue -> qmail-dk link"
      )
    }
  }

  /// One line per fact, for `queue status`.
  public var lines: [String] {
    var lines = ["qmail-queue -> \(target ?? "(not a symbolic link)")"]
    switch state {
    case .qmailDK:
      lines.append(
        "qmail-dk is in front of qmail-queue.orig; `queue install` switches to toaster-dk-queue")
    case .filter:
      lines.append(
        "toaster-dk-queue is in front of the queue; `queue uninstall` restores "
          + "qmail-queue -> \(savedTarget ?? "")")
    case .unknown:
      lines.append("unknown layout: \(problem ?? "")")
    }
    return lines
  }
}
