import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension RulesStore {
  /// Problems with a DKQUEUE value on this system: a missing program, or a loop back into
  /// qmail-dk (qmail-queue is a link to qmail-dk on a toaster).
  ///
  /// Relative paths are taken relative to /var/qmail, because qmail-dk changes to the qmail
  /// home directory before it starts the queue program.
  public static func queueProgramProblems(_ value: String, paths: ToasterPaths) -> [String] {
    let systemPath = value.hasPrefix("/") ? value : "/var/qmail/" + value
    let path = paths.resolve(systemPath)
    var problems: [String] = []
    var info = stat()
    if stat(path, &info) != 0 {
      problems.append("\(path) does not exist: qmail-dk would fail to queue mail (exit 120)")
    }
    let target = resolvedName(path)
    let queue = resolvedName(paths.qmailQueue)
    if systemPath == ToasterPaths.qmailQueueSystemPath || target.hasSuffix("/qmail-dk")
      || (target == queue && queue.hasSuffix("/qmail-dk"))
    {
      problems.append(
        "\(value) leads back to qmail-dk: it would run itself forever; use "
          + ToasterPaths.qmailQueueOrigSystemPath)
    }
    return problems
  }

  private static func resolvedName(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }
}
