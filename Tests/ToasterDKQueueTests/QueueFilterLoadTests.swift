import Foundation
import TestSupport
import Testing

@Suite struct QueueFilterLoadTests {
  @Test(.enabled(if: QueueSandbox.missing == nil))
  func fiftyMegabyteMessageIsSignedInBoundedMemory() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    // 50 MB of 77-byte lines, made and compared by C programs (a debug build of Swift is
    // slow byte by byte).
    let file = box.sandbox.join("big.eml")
    let made = try ProcessRunner.run(
      "/bin/sh",
      [
        "-c",
        "{ printf 'From: alice@example.com\\nTo: bob@example.net\\nSubject: big\\n\\n';"
          + " yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
          + " | head -c 52428800; } > \"$0\"", file,
      ])
    #expect(made.status == 0)
    let measure = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    let run = try box.run(
      environment: QueueSandbox.signEnvironment, measure: measure, messageFile: file)
    #expect(run.status == 0, "\(run)")
    let queued = try box.queuedFiles()
    try #require(queued.count == 1)
    // The queued file ends with the message, byte for byte.
    let compared = try ProcessRunner.run(
      "/bin/sh",
      ["-c", "tail -c \"$(wc -c < \"$1\")\" \"$0\" | cmp -s - \"$1\"", queued[0], file])
    #expect(compared.status == 0, "\(compared)")
    let top = Array(
      try FileHandle(forReadingFrom: URL(fileURLWithPath: queued[0])).read(upToCount: 4096)
        ?? Data())
    #expect(headerField("DKIM-Signature", in: top).count == 1)
    #expect(headerField("DomainKey-Signature", in: top).count == 1)
    if let peak = run.peakKB {
      // The message is spooled and mapped, its pages given back as they are hashed.
      #expect(peak < 25 * 1024, "peak RSS \(peak) KB for a 50 MB message")
    }
  }

  @Test(.enabled(if: QueueSandbox.missing == nil && DKIMPeers.missing == nil))
  func twoHundredMessagesThroughEightFiltersAtOnceAreQueuedOnceAndVerify() throws {
    let box = try QueueSandbox()
    defer { box.remove() }
    let text = String(decoding: QueueSandbox.message, as: UTF8.self)
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 8) { worker in
      for index in stride(from: worker, to: 200, by: 8) {
        let message = Array(text.replacing("<1@example.com>", with: "<m\(index)@example.com>").utf8)
        do {
          let run = try box.run(message, environment: QueueSandbox.signEnvironment)
          if run.status != 0 { failures.add("message \(index): \(run)") }
        } catch {
          failures.add("message \(index): \(error)")
        }
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
    let queued = try box.queued()
    #expect(queued.count == 200)
    let ids = Set(queued.flatMap { headerField("Message-ID", in: $0.message) })
    #expect(ids == Set((0..<200).map { "Message-ID: <m\($0)@example.com>" }))
    #expect(queued.allSatisfy { $0.envelope == QueueSandbox.envelope })
    let verified = try ProcessRunner.run(
      "/usr/bin/env",
      ["python3", QueueSandbox.programs + "/dkimpy-batch.py", try box.record]
        + (try FileManager.default.contentsOfDirectory(atPath: box.queueDirectory))
        .filter { $0.hasPrefix("msg.") }.map { box.queueDirectory + "/" + $0 })
    #expect(verified.stdoutText == "200 pass\n", "\(verified)")
  }
}

/// Failures collected from concurrent workers.
final class Failures: @unchecked Sendable {
  // @unchecked: every access goes through the lock.
  private let lock = NSLock()
  private var items: [String] = []

  func add(_ item: String) { lock.withLock { items.append(item) } }
  var all: [String] { lock.withLock { items } }
}
