import DKEngine
import MailPath
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Starts the next queue program in the qmail home and writes the new header lines, then
/// the unchanged message, to its fd 0; fd 1 (the envelope) and fd 4 pass to it untouched.
enum QueueHandOff {
  /// The running next program (0: none), for the day limit's SIGALRM handler.
  ///
  /// The handler kills the program before the filter exits 52, or the program would read a
  /// cut-off message to its end and queue it under the envelope on fd 1. Written only while
  /// SIGALRM is blocked.
  nonisolated(unsafe) static var runningChild: pid_t = 0

  /// Runs `program` (relative paths inside `home`) and feeds it; the outcome is its status.
  ///
  /// A program that is this filter itself (the same file) is refused: it would loop.
  /// The byte ranges in `omitting` (whole header fields) are left out of the message.
  static func run(
    program: String, home: String, headers: [UInt8], message: MessageBytes,
    omitting: [Range<Int>]
  ) -> QueueExit {
    guard chdir(home) == 0 else {
      return .homeDirectory(
        SystemError.fromErrno("chdir to", path: home, access: .reading).description)
    }
    if let problem = loopProblem(program) { return problem }
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else {
      return .internalError(
        SystemError.fromErrno("create", path: "a pipe", access: .writing).description)
    }
    // Neither end may reach the program beyond its dup2'd fd 0 (a second write end would
    // keep it waiting for end of file).
    for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    let pid: pid_t
    switch spawn(program, input: pipeEnds[0]) {
    case .success(let started): pid = started
    case .failure(let failure):
      close(pipeEnds[0])
      close(pipeEnds[1])
      return failure
    }
    close(pipeEnds[0])
    let writeError = feed(
      pipeEnds[1], headers: headers, message: message, omitting: omitting, program: program)
    if let writeError, writeError.code != EPIPE { kill(pid, SIGKILL) }
    close(pipeEnds[1])
    return finish(pid, program: program, writeError: writeError)
  }

  private static func loopProblem(_ program: String) -> QueueExit? {
    var target = stat()
    var this = stat()
    guard stat(program, &target) == 0 else {
      let error = SystemError.fromErrno("find queue program", path: program, access: .reading)
      return .execFailed(error.description)
    }
    if stat("/proc/self/exe", &this) == 0, this.st_dev == target.st_dev,
      this.st_ino == target.st_ino
    {
      return .configuration(
        "queue program \(program) is toaster-dk-queue itself; "
          + "set DKQUEUE to the real queue (bin/qmail-queue.orig)")
    }
    return nil
  }

  private static func spawn(_ program: String, input: Int32) -> Result<pid_t, QueueExit> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, 0)
    // SIGALRM waits until the program's pid is recorded (an alarm in between would leave it
    // running); the program starts with the mask the filter had, SIGALRM as it was.
    var alarmOnly = sigset_t()
    sigemptyset(&alarmOnly)
    sigaddset(&alarmOnly, SIGALRM)
    var previous = sigset_t()
    sigprocmask(SIG_BLOCK, &alarmOnly, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setsigmask(&attributes, &previous)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    // qmail_open's convention: argv is just the program path.
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(program), nil]
    defer { free(argv[0]) }
    let status = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
    if status == 0 { runningChild = pid }
    guard status == 0 else {
      let error = SystemError(
        operation: "run queue program", path: program, code: status, access: .reading)
      switch status {
      case ENOMEM, EAGAIN: return .failure(.outOfMemory(error.description))
      default: return .failure(.execFailed(error.description))
      }
    }
    return .success(pid)
  }

  private static func feed(
    _ fd: Int32, headers: [UInt8], message: MessageBytes, omitting: [Range<Int>],
    program: String
  ) -> SystemError? {
    do {
      try FileDescriptorIO.writeAll(fd, headers, path: program)
      for range in FilterDecision.keptRanges(of: message.count, omitting: omitting) {
        try message.forEachChunk(in: range) { try FileDescriptorIO.writeAll(fd, $0, path: program) }
      }
      return nil
    } catch let error as SystemError {
      return error
    } catch {
      return SystemError(operation: "write to", path: program, code: EIO, access: .writing)
    }
  }

  private static func finish(_ pid: pid_t, program: String, writeError: SystemError?)
    -> QueueExit
  {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else {
        return .waitFailed(
          SystemError.fromErrno("wait for", path: program, access: .reading).description)
      }
    }
    runningChild = 0
    let signalNumber = status & 0x7F
    let exitCode = (status >> 8) & 0xFF
    if let writeError {
      // A program that stopped reading and then failed speaks for itself; one that exited 0
      // without the whole message did not queue it as written.
      if writeError.code == EPIPE, signalNumber == 0, exitCode != 0 { return .exited(exitCode) }
      return .writeFailed(writeError.description)
    }
    return signalNumber == 0 ? .exited(exitCode) : .killed(signalNumber)
  }
}
