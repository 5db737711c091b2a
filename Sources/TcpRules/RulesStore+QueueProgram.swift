import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension RulesStore {
  /// The bytes simscan carries when it was built to hand mail to qmail-queue (its default).
  static let simscanNextProgram = Array("/var/qmail/bin/qmail-queue\0".utf8)

  /// The problems with a DKQUEUE value on the system under `paths.root`.
  ///
  /// The one check behind `rules set-queue` and `rules lint`: a loop back into qmail-dk,
  /// or a missing program.
  /// A loop is the value naming qmail-queue (qmail-dk itself on a toaster), anything that
  /// resolves to the program qmail-queue resolves to or to qmail-dk, or simscan when simscan
  /// hands mail back to qmail-queue. Relative paths are taken in /var/qmail, because qmail-dk
  /// changes to the qmail home before it starts the queue program; links are followed
  /// inside `paths.root`, absolute ones as the live system would (within the root).
  public static func queueProgramProblems(_ value: String, paths: ToasterPaths)
    -> [QueueProgramProblem]
  {
    let systemPath = value.hasPrefix("/") ? value : "/var/qmail/" + value
    let target = resolve(systemPath, paths: paths)
    let queue = resolve(ToasterPaths.qmailQueueSystemPath, paths: paths)
    var problems: [QueueProgramProblem] = []
    var info = stat()
    let exists = stat(paths.resolve(target), &info) == 0
    if !exists {
      problems.append(
        QueueProgramProblem(
          .missing, "\(value) does not exist: qmail-dk would fail to queue mail (exit 120)"))
    }
    let hint = "the real queue is \(ToasterPaths.qmailQueueOrigSystemPath)"
    if target == queue || target.hasSuffix("/qmail-dk")
      || (exists && sameFile(info, paths.resolve(queue)))
    {
      let through = target == systemPath ? "" : " (\(target))"
      problems.append(
        QueueProgramProblem(
          .loop,
          "\(value)\(through) leads back to qmail-dk (qmail-queue is qmail-dk on a toaster): "
            + "it would run itself until the mail is lost", hint: hint))
    } else if target.hasSuffix("/simscan"), handsBackToQmailQueue(paths.resolve(target)) {
      problems.append(
        QueueProgramProblem(
          .loop,
          "\(value) is simscan, which hands mail back to qmail-queue (qmail-dk): "
            + "qmail-dk would run itself until the mail is lost", hint: hint))
    }
    return problems
  }

  private static func sameFile(_ info: stat, _ path: String) -> Bool {
    var other = stat()
    return stat(path, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino
  }

  // simscan's next program is compiled in; a build for qmail-dk names qmail-queue.orig.
  private static func handsBackToQmailQueue(_ path: String) -> Bool {
    guard let bytes = try? FileDescriptorIO.readFile(atPath: path) else { return false }
    let needle = simscanNextProgram
    guard bytes.count >= needle.count else { return false }
    return (0...(bytes.count - needle.count)).contains { start in
      bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle)
    }
  }

  /// The system path `systemPath` ends at after following every symbolic link, each
  /// looked up under `paths.root` (an absolute link means the same path under the root).
  static func resolve(_ systemPath: String, paths: ToasterPaths) -> String {
    var pending = systemPath.split(separator: "/").map(String.init)
    var resolved: [String] = []
    var hops = 0
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    while !pending.isEmpty {
      let part = pending.removeFirst()
      if part == "." { continue }
      if part == ".." {
        _ = resolved.popLast()
        continue
      }
      let candidate = "/" + (resolved + [part]).joined(separator: "/")
      let count = readlink(paths.resolve(candidate), &buffer, buffer.count - 1)
      guard count >= 0, hops < 40 else {
        resolved.append(part)
        continue
      }
      hops += 1
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if target.hasPrefix("/") { resolved = [] }
      pending = target.split(separator: "/").map(String.init) + pending
    }
    return "/" + resolved.joined(separator: "/")
  }
}
