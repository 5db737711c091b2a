/// Which program gets the message after the filter: qmail-dk 0.6's rule (spec §3.1).
public enum NextQueueProgram {
  /// The queue qmail-dk hands over to when called as `…/qmail-queue`.
  public static let renamedQueue = "bin/qmail-queue.orig"
  /// The queue qmail-dk hands over to otherwise.
  public static let plainQueue = "bin/qmail-queue"

  /// `DKQUEUE` when set and not empty, else `bin/qmail-queue.orig` when the filter was
  /// called through a path whose last component is `qmail-queue` (the QmailToaster link),
  /// else `bin/qmail-queue`; relative paths are relative to the qmail home.
  public static func path(dkQueue: String?, argv0: String) -> String {
    if let dkQueue, !dkQueue.isEmpty { return dkQueue }
    let components = argv0.split(separator: "/", omittingEmptySubsequences: false)
    return components.count > 1 && components.last == "qmail-queue" ? renamedQueue : plainQueue
  }
}
