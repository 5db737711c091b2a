import Foundation
import TestSupport
import Testing

/// The filter's documented temporary codes that need the process's limits or inherited
/// state to reach (toaster-dk-queue(8), EXIT STATUS), and when it makes a DNS resolver.
@Suite struct QueueFilterExitCodeTests {
  private func expectNothingQueued(_ box: QueueSandbox) throws {
    #expect(try box.queued().isEmpty)
    #expect(try box.strayFiles().isEmpty)
  }

  /// Pass-through (no RELAYCLIENT, no DKVERIFY) under `ulimit -v KB`.
  private func passThrough(
    _ box: QueueSandbox, _ message: [UInt8], addressSpaceKB: Int
  ) throws -> QueueSandbox.Run {
    try box.run(message, environment: [:], shellPrefix: "ulimit -v \(addressSpaceKB); ")
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func noAddressSpaceForTheMessageIsOutOfMemory() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // A 2 MB message is mapped (over MappedFile's 1 MB threshold): find the least address
    // space in which the filter starts and queues it, to the MB.
    let small = QueueSandbox.message + Array(repeating: UInt8(ascii: "x"), count: 2 << 20)
    var (low, high) = (16 << 10, 4 << 20)
    try #require(try passThrough(box, small, addressSpaceKB: high).status == 0)
    while high - low > 1 << 10 {
      let middle = (low + high) / 2
      if try passThrough(box, small, addressSpaceKB: middle).status == 0 {
        high = middle
      } else {
        low = middle
      }
    }
    try FileManager.default.removeItem(atPath: box.queueDirectory)
    try FileManager.default.createDirectory(
      atPath: box.queueDirectory, withIntermediateDirectories: false)
    // 32 MB more than that is room to start, but not to map a 96 MB message.
    let big = QueueSandbox.message + Array(repeating: UInt8(ascii: "y"), count: 96 << 20)
    let run = try passThrough(box, big, addressSpaceKB: high + (32 << 10))
    #expect(run.status == 51, "\(run) (limit \(high + (32 << 10)) KB)")
    #expect(
      run.fd4 == "Ztoaster-dk-queue: unable to map the message spool: cannot allocate memory"
        + " (#4.3.0)", "\(run)")
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func unreadableMessageIsAReadError() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // fd 0 opened on a directory: open succeeds, every read fails with EISDIR.
    let run = try box.run(
      environment: QueueSandbox.signEnvironment, messageFile: box.sandbox.join("var/qmail"))
    #expect(run.status == 54, "\(run)")
    #expect(
      run.fd4
        == "Ztoaster-dk-queue: unable to read message from standard input: is a directory"
        + " (#4.3.0)", "\(run)")
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing ?? RealBinary.missingReason("prlimit") == nil))
  func noDescriptorForThePipeIsAnInternalError() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // fds 0, 1, 2 and 4 come open, the spool takes 3: a limit of 5 leaves none for the pipe
    // to the next program.
    // Set after the shell's redirections, which need spare descriptors of their own.
    let work = try TempDirectory(prefix: "toaster-dk-queue-nofile")
    defer { work.remove() }
    let fewDescriptors = try executable(
      "#!/bin/sh\nexec prlimit --nofile=5 \"\(QueueSandbox.filter)\"\n", named: "few-descriptors",
      in: work)
    let run = try box.run(environment: [:], program: fewDescriptors)
    #expect(run.status == 81, "\(run)")
    #expect(
      run.fd4 == "Ztoaster-dk-queue: unable to create a pipe: too many open files (#4.3.0)",
      "\(run)")
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func inheritedIgnoredSIGCHLDStillReportsTheQueuesStatus() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // A caller that ignores SIGCHLD passes that on through exec; the filter must still see
    // the next program's status, or a queued message is reported as failed (57) and sent
    // again.
    let work = try TempDirectory(prefix: "toaster-dk-queue-sigchld")
    defer { work.remove() }
    let ignoreSIGCHLD = try executable(
      "#!/usr/bin/env python3\nimport os, signal, sys\n"
        + "signal.signal(signal.SIGCHLD, signal.SIG_IGN)\n"
        + "os.execv(\(pythonString(QueueSandbox.filter)), [\(pythonString(QueueSandbox.filter))])\n",
      named: "ignore-sigchld", in: work)
    let run = try box.run(environment: QueueSandbox.signEnvironment, program: ignoreSIGCHLD)
    #expect(run.status == 0, "\(run)")
    #expect(run.fd4.isEmpty)
    #expect(try box.queued().count == 1)
    var failing = QueueSandbox.signEnvironment
    failing["FAKEQ_EXIT"] = "71"
    let refused = try box.run(environment: failing, program: ignoreSIGCHLD)
    #expect(refused.status == 71, "\(refused)")
    #expect(try box.queued().count == 1)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func dayLimitIsATimeout() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // A day cannot pass in a test: the filter, stuck on a message that never ends, gets the
    // SIGALRM its alarm(86400) would send, once its handler is in place (SigCgt bit 14).
    // The test runner starts it with SIGALRM blocked, as any caller may: the filter must
    // unblock it, or the limit never fires (exit 99 here after 30 s).
    let work = try TempDirectory(prefix: "toaster-dk-queue-alarm")
    defer { work.remove() }
    let alarm = try executable(
      pythonStartingTheFilter + """
        deadline = time.time() + 30
        while time.time() < deadline:
            with open("/proc/%d/status" % child.pid) as status:
                caught = [l for l in status if l.startswith("SigCgt:")][0].split()[1]
            if int(caught, 16) & (1 << (signal.SIGALRM - 1)):
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGALRM)
        try:
            code = child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            sys.exit(99)
        sys.exit(code if code >= 0 else 128 - code)

        """, named: "alarm", in: work)
    let run = try box.run(environment: QueueSandbox.signEnvironment, program: alarm)
    #expect(run.status == 52, "\(run)")
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func dayLimitKillsTheNextProgramBeforeItQueuesACutOffMessage() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // The next program sleeps before reading a message bigger than a pipe holds, so the
    // filter is stuck writing to it when its day limit fires. Left alive, the program would
    // read the cut-off message to its end and queue it (here: write the marker).
    let work = try TempDirectory(prefix: "toaster-dk-queue-alarm-child")
    defer { work.remove() }
    let marker = work.join("queued-a-cut-off-message")
    let slowQueue = box.root + "/var/qmail/bin/slow-queue"
    try Data("#!/bin/sh\nsleep 2\ncat >/dev/null\ntouch '\(marker)'\n".utf8).write(
      to: URL(fileURLWithPath: slowQueue))
    chmod(slowQueue, 0o755)
    let alarm = try executable(
      pythonStartingTheFilter + """
        message = sys.stdin.buffer.read()
        os.write(writer, message)
        os.close(writer)
        children = "/proc/%d/task/%d/children" % (child.pid, child.pid)
        deadline = time.time() + 30
        while time.time() < deadline and not open(children).read().strip():
            time.sleep(0.01)
        time.sleep(0.2)
        child.send_signal(signal.SIGALRM)
        code = child.wait(timeout=30)
        time.sleep(4)
        if os.path.exists(\(pythonString(marker))):
            sys.exit(98)
        sys.exit(code if code >= 0 else 128 - code)

        """, named: "alarm", in: work)
    let big = QueueSandbox.message + Array(repeating: UInt8(ascii: "x"), count: 1 << 20)
    var environment = QueueSandbox.signEnvironment
    environment["DKQUEUE"] = "/var/qmail/bin/slow-queue"
    let run = try box.run(big, environment: environment, program: alarm)
    #expect(run.status == 52, "\(run)")
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  // Writes `text` as the executable `name` in `work`, and gives its path.
  private func executable(_ text: String, named name: String, in work: TempDirectory) throws
    -> String
  {
    try work.write(text, to: name)
    chmod(work.join(name), 0o755)
    return work.join(name)
  }

  // How both day-limit harnesses begin: the filter as a child reading a pipe the harness
  // holds the write end of, with fd 4 (the error text) passed on.
  private var pythonStartingTheFilter: String {
    let filter = pythonString(QueueSandbox.filter)
    return """
      #!/usr/bin/env python3
      import os, signal, subprocess, sys, time
      reader, writer = os.pipe()
      child = subprocess.Popen([\(filter)], executable=\(filter), stdin=reader, pass_fds=(4,))
      os.close(reader)

      """
  }

  private func pythonString(_ text: String) -> String {
    "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
  }
}

extension QueueFilterExitCodeTests {
  // An address that is none: making a resolver from it fails, and says so in the log, so
  // the log shows whether (and how often) one was made.
  static let badDNS = "not-an-address"

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func verifyingAnUnsignedMessageMakesNoResolver() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let run = try box.run(
      environment: ["DKVERIFY": "DEGIJKfh", "TOASTER_DK_DNS": Self.badDNS, "DKDEBUG": "1"])
    #expect(run.status == 0, "\(run)")
    #expect(!run.stderr.contains("no DNS resolver"), "\(run)")
    #expect(try box.queued().count == 1)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func verifyingMakesOneResolverForAllSignatures() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // DKIMSIGN defaults on: the filter signs with DomainKeys and DKIM.
    #expect(try box.run(environment: QueueSandbox.signEnvironment).status == 0)
    let signed = try #require(try box.queued().first?.message)
    #expect(headerField("DomainKey-Signature", in: signed).count == 1)
    #expect(headerField("DKIM-Signature", in: signed).count == 1)
    // Without f and h in DKVERIFY a key that cannot be fetched does not refuse the message.
    let run = try box.run(
      signed, environment: ["DKVERIFY": "DEGIJK", "TOASTER_DK_DNS": Self.badDNS])
    #expect(run.status == 0, "\(run)")
    let made = run.stderr.components(separatedBy: "no DNS resolver").count - 1
    #expect(made == 1, "\(run)")
    let verified = try box.queued()
    try #require(verified.count == 2)
    // No resolver: both verdicts are temporary failures, not "no key".
    let results = headerField("Authentication-Results", in: verified[1].message)
    #expect(results.count == 1 && results[0].contains("dkim=temperror"), "\(results)")
  }
}
