import Foundation
import TestSupport
import Testing

/// "No other exit code, ever": the signer killed at random points, and a 50 MB message.
@Suite(.serialized) struct RemoteKillTests {
  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func killingTheSignerAnywhereGivesAReportOrOneHundredEleven() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    try box.addKey(TestKeys.rsa1024)
    let work = try TempDirectory(prefix: "toaster-dk-remote-kill")
    defer { work.remove() }
    // Big enough that signing and copying take a while, so kills land at every stage.
    let body = Array(
      String(repeating: "All work and no play makes Jack a dull boy.\n", count: 60_000).utf8)
    try work.write(RemoteSandbox.message + body, to: "message")
    var generator = SeededGenerator(seed: 11)
    var outcomes: [String: Int] = [:]
    for round in 0..<24 {
      let signal = [SIGKILL, SIGTERM, SIGSEGV, SIGABRT][round % 4]
      let delay = UInt32.random(in: 0...120_000, using: &generator)
      let (status, reports) = try run(box, work, killAfter: delay, signal: signal)
      let kind = reports.last.map { String($0.prefix(1)) } ?? "none"
      outcomes["\(status) \(kind)", default: 0] += 1
      #expect(
        (status == 0 && (kind == "K" || kind == "Z")) || status == 111,
        "round \(round): signal \(signal) after \(delay) µs: exit \(status), reports \(reports)")
    }
    // The kills must have hit the signer at least once, or the test proves nothing.
    #expect(outcomes.keys.contains("0 Z"), "\(outcomes)")
  }

  private func run(
    _ box: RemoteSandbox, _ work: TempDirectory, killAfter delay: UInt32, signal: Int32
  ) throws -> (Int32, [String]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: box.launcher)
    process.arguments = RemoteSandbox.arguments
    process.environment = [
      "TOASTER_DK_ROOT": box.root, "FAKER_DIR": box.records, "PATH": "/usr/bin:/bin",
    ]
    let output = work.join("out")
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    defer { try? handle.close() }
    process.standardInput = try FileHandle(
      forReadingFrom: URL(fileURLWithPath: work.join("message")))
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    usleep(delay)
    let pid = process.processIdentifier
    let children =
      (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
    for child in children.split(separator: " ").compactMap({ Int32($0) }) { kill(child, signal) }
    process.waitUntilExit()
    let bytes = (try? work.read("out")) ?? []
    let reports = bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
      String(decoding: $0, as: UTF8.self)
    }
    return (
      process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus : process.terminationStatus, reports
    )
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func signsFiftyMegabytesInBoundedMemory() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    try box.addKey(TestKeys.rsa1024)
    let line = Array(
      "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy\n".utf8)
    var message = RemoteSandbox.message
    message.reserveCapacity(message.count + 50 << 20)
    while message.count < 50 << 20 { message += line }
    let (run, peak) = try box.run(
      message, program: RemoteSandbox.signer, shared: false, measure: true)
    #expect(run.reports == ["rbob@example.net accepted", "Kmessage accepted"], "\(run)")
    let recorded = run.message ?? []
    #expect(recorded.count > message.count)
    #expect(Array(recorded.suffix(message.count)) == message)
    let peakKB = try #require(peak)
    // The issue's bound: 25 MB for a 50 MB message (the Perl wrapper holds all of it).
    #expect(peakKB <= 25 * 1024, "peak RSS \(peakKB) KB")
    print("toaster-dk-remote-signer: 50 MB message, peak RSS \(peakKB) KB")
  }
}
