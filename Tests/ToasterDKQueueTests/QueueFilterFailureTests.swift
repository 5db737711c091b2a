import Foundation
import TestSupport
import Testing

/// The failure modes of the qmail-queue contract: each gives its documented exit and fd-4
/// text, and the message is queued exactly once or not at all.
@Suite struct QueueFilterFailureTests {
  static let syntaxText = "Dqmail-dk: Cannot sign message due to invalid message syntax. (#5.3.0)"
  static let unreadableText = "Dqmail-dk: Couldn't read signature file for signing. (#5.3.0)"

  private func expectNothingQueued(_ box: QueueSandbox) throws {
    #expect(try box.queued().isEmpty)
    #expect(try box.strayFiles().isEmpty)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func unreadableKeyDefersByDefaultAndBouncesOnRequest() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // A directory where the key file should be: EISDIR, unreadable even for root.
    try FileManager.default.removeItem(atPath: box.keyPath)
    try FileManager.default.createDirectory(atPath: box.keyPath, withIntermediateDirectories: false)
    let deferred = try box.run(environment: QueueSandbox.signEnvironment)
    #expect(deferred.status == 55, "\(deferred)")
    #expect(
      deferred.fd4 == "Ztoaster-dk-queue: unable to read signing key "
        + "/var/qmail/control/domainkeys/example.com/private: is a directory (#4.3.0)")
    #expect(deferred.stderr.contains("unable to read signing key"))
    var bounce = QueueSandbox.signEnvironment
    bounce["DKKEYFAIL"] = "bounce"
    let bounced = try box.run(environment: bounce)
    #expect(bounced.status == 82, "\(bounced)")
    #expect(bounced.fd4 == Self.unreadableText)
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func missingKeyWithPercentQueuesUnsignedWithoutPercentDefers() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let other = Array(
      String(decoding: QueueSandbox.message, as: UTF8.self)
        .replacing("alice@example.com", with: "alice@example.org").utf8)
    let unsigned = try box.run(other, environment: QueueSandbox.signEnvironment)
    #expect(unsigned.status == 0, "\(unsigned)")
    #expect(unsigned.fd4.isEmpty)
    #expect(try box.queued().map(\.message) == [other])
    try FileManager.default.removeItem(atPath: box.queueDirectory)
    try FileManager.default.createDirectory(
      atPath: box.queueDirectory, withIntermediateDirectories: false)

    let fixed = ["RELAYCLIENT": "", "DKSIGN": "/var/qmail/control/domainkeys/example.com/gone"]
    let deferred = try box.run(environment: fixed)
    #expect(deferred.status == 55, "\(deferred)")
    #expect(
      deferred.fd4 == "Ztoaster-dk-queue: unable to read signing key "
        + "/var/qmail/control/domainkeys/example.com/gone: no such file (DKSIGN has no %) (#4.3.0)")
    let bounced = try box.run(environment: fixed.merging(["DKKEYFAIL": "bounce"]) { $1 })
    #expect(bounced.status == 82)
    #expect(bounced.fd4 == Self.unreadableText)
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func nextProgramThatCannotRunIsQmailDKsExecFailure() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    var environment = QueueSandbox.signEnvironment
    environment["DKQUEUE"] = "/var/qmail/bin/no-such-queue"
    let run = try box.run(environment: environment)
    #expect(run.status == 120, "\(run)")
    #expect(
      run.fd4 == "Ztoaster-dk-queue: unable to find queue program "
        + "\(box.sandbox.join("var/qmail/bin/no-such-queue")): no such file or directory (#4.3.0)")
    // Not executable (EACCES), and executable but no program (ENOEXEC): the same code.
    try box.sandbox.directory.write("not a program\n", to: "var/qmail/bin/plain")
    environment["DKQUEUE"] = "/var/qmail/bin/plain"
    let plain = try box.run(environment: environment)
    #expect(plain.status == 120, "\(plain)")
    #expect(plain.fd4.hasSuffix("permission denied (#4.3.0)"), "\(plain)")
    chmod(box.sandbox.join("var/qmail/bin/plain"), 0o755)
    let garbage = try box.run(environment: environment)
    #expect(garbage.status == 120, "\(garbage)")
    #expect(garbage.fd4.hasPrefix("Ztoaster-dk-queue: unable to run queue program "))
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func missingQmailHomeIsQmailDKsHomeDirectoryCode() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let empty = try TempDirectory(prefix: "no-qmail-home")
    defer { empty.remove() }
    // Pass-through needs nothing but the home and the next program.
    let run = try box.run(environment: ["TOASTER_DK_ROOT": empty.path])
    #expect(run.status == 61, "\(run)")
    #expect(run.fd4.hasPrefix("Ztoaster-dk-queue: unable to chdir to \(empty.path)/var/qmail: "))
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil), arguments: [71, 31, 13, 82])
  func nextProgramStatusPassesThrough(status: Int) throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    var environment = QueueSandbox.signEnvironment
    environment["FAKEQ_EXIT"] = "\(status)"
    let run = try box.run(environment: environment)
    #expect(run.status == Int32(status), "\(run)")
    #expect(run.fd4.isEmpty)
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func nextProgramKilledEndsTheFilterWithTheSameSignal() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    var environment = QueueSandbox.signEnvironment
    environment["FAKEQ_KILL"] = "9"
    let run = try box.run(environment: environment)
    #expect(run.status == 128 + 9, "\(run)")
    #expect(run.fd4.isEmpty)
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func refusesToRunItselfAsTheNextProgram() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let link = box.sandbox.join("var/qmail/bin/qmail-queue")
    try FileManager.default.removeItem(atPath: link)
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: QueueSandbox.filter)
    var environment = QueueSandbox.signEnvironment
    environment["DKQUEUE"] = "bin/qmail-queue"
    let run = try box.run(environment: environment)
    #expect(run.status == 55, "\(run)")
    #expect(
      run.fd4 == "Ztoaster-dk-queue: queue program bin/qmail-queue is toaster-dk-queue itself; "
        + "set DKQUEUE to the real queue (bin/qmail-queue.orig) (#4.3.0)")
    // Called through the qmail-queue link without DKQUEUE, it hands over to qmail-queue.orig.
    environment["DKQUEUE"] = ""
    let linked = try box.run(environment: environment, program: link)
    #expect(linked.status == 0, "\(linked)")
    #expect(try box.queued().count == 1)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func unwritableTMPDIRIsAWriteError() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    var environment = QueueSandbox.signEnvironment
    environment["TMPDIR"] = box.sandbox.join("no-such-dir")
    let run = try box.run(environment: environment)
    #expect(run.status == 53, "\(run)")
    #expect(run.fd4.hasPrefix("Ztoaster-dk-queue: unable to create "))
    #expect(run.fd4.hasSuffix("no such file or directory (#4.3.0)"))
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func fullTMPDIRIsAWriteError() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // A file size limit of 1 KB makes the spool's writes fail with EFBIG, as a full disk
    // fails them with ENOSPC.
    let big = QueueSandbox.message + Array(repeating: UInt8(ascii: "x"), count: 8192) + [0x0A]
    let run = try box.run(
      big, environment: QueueSandbox.signEnvironment, shellPrefix: "ulimit -f 1; ")
    #expect(run.status == 53, "\(run)")
    #expect(run.fd4.hasPrefix("Ztoaster-dk-queue: unable to write to "))
    #expect(run.fd4.hasSuffix("file too large (#4.3.0)"))
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func messageWithoutFromIsRefusedWithQmailDKsSyntaxText() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let noFrom = Array("To: bob@example.net\nSubject: hi\n\nHello\n".utf8)
    let run = try box.run(noFrom, environment: QueueSandbox.signEnvironment)
    #expect(run.status == 82, "\(run)")
    #expect(run.fd4 == Self.syntaxText)
    try expectNothingQueued(box)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func binaryGarbageIsRefusedWhenSigningAndJudgedWhenVerifying() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    var generator = SeededGenerator(seed: 9)
    let garbage = (0..<70000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let signing = try box.run(garbage, environment: QueueSandbox.signEnvironment)
    #expect(signing.status == 82, "\(signing)")
    #expect(signing.fd4 == Self.syntaxText)
    let verifying = try box.run(garbage, environment: ["DKVERIFY": "DEGIJKfh"])
    #expect(verifying.status == 0, "\(verifying)")
    let queued = try box.queued()
    try #require(queued.count == 1)
    #expect(
      queued[0].message
        == Array(
          ("Authentication-Results: mail.example.com;\n\tdkim=none;\n\tdomainkeys=none\n"
            + "DomainKey-Status: no signature\n").utf8) + garbage)
  }

  @Test(.enabled(if: QueueSandbox.missing == nil))
  func fromDomainWithSlashIsNeverAPath() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // Without the check this path would reach the real key through "..".
    let sneaky = Array(
      String(decoding: QueueSandbox.message, as: UTF8.self)
        .replacing("alice@example.com", with: "alice@example.com/../example.com").utf8)
    let run = try box.run(sneaky, environment: QueueSandbox.signEnvironment)
    #expect(run.status == 0, "\(run)")
    #expect(try box.queued().map(\.message) == [sneaky])
  }
}
