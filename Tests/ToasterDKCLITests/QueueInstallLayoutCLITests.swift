import Foundation
import TestSupport
import Testing

/// `queue install`/`uninstall` on a copy of QmailToaster's whole /var/qmail/bin, and against
/// a concurrent toaster-dk.
@Suite struct QueueInstallLayoutCLITests {
  // QmailToaster's bin (qmail.spec %files; simscan.spec): name, mode, or a link target.
  static let programs: [(String, Int)] = [
    ("bouncesaying", 0o755), ("condredirect", 0o755), ("datemail", 0o755), ("elq", 0o755),
    ("except", 0o755), ("forward", 0o755), ("maildir2mbox", 0o755), ("predate", 0o755),
    ("preline", 0o755), ("qbiff", 0o755), ("qmail-clean", 0o711), ("qmail-dk", 0o4711),
    ("qmail-getpw", 0o711), ("qmail-inject", 0o755), ("qmail-local", 0o711),
    ("qmail-lspawn", 0o700), ("qmail-newmrh", 0o700), ("qmail-newu", 0o700),
    ("qmail-pw2u", 0o711), ("qmail-qread", 0o4711), ("qmail-qstat", 0o755),
    ("qmail-queue.orig", 0o4711), ("qmail-remote", 0o711), ("qmail-rspawn", 0o711),
    ("qmail-send", 0o711), ("qmail-showctl", 0o755), ("qmail-smtpd", 0o755),
    ("qmail-start", 0o700), ("qmail-tcpok", 0o700), ("qmail-tcpto", 0o711),
    ("qreceipt", 0o755), ("qsmhook", 0o755), ("sendmail", 0o755), ("simscan", 0o4711),
    ("splogger", 0o711), ("tcp-env", 0o755),
  ]

  /// name → "mode" for files, "-> target" for links, in sorted order.
  static func listing(_ bin: String) throws -> [String] {
    let manager = FileManager.default
    return try manager.contentsOfDirectory(atPath: bin).sorted().map { name in
      let path = bin + "/" + name
      if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
        return "\(name) -> \(target)"
      }
      let attributes = try manager.attributesOfItem(atPath: path)
      let mode = (attributes[.posixPermissions] as? Int) ?? -1
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      return "\(name) \(String(mode, radix: 8)) \(bytes.count)"
    }
  }

  func qmtSandbox() throws -> Sandbox {
    let sandbox = try Sandbox()
    let bin = sandbox.join("var/qmail/bin")
    for (name, mode) in Self.programs {
      try? FileManager.default.removeItem(atPath: bin + "/" + name)
      try sandbox.directory.write("#!/bin/sh\n# \(name)\nexit 0\n", to: "var/qmail/bin/\(name)")
      chmod(bin + "/" + name, mode_t(mode))
    }
    return sandbox
  }

  @Test func roundTripOnTheWholeQMTBinRestoresEveryEntry() throws {
    let sandbox = try qmtSandbox()
    defer { sandbox.remove() }
    let bin = sandbox.join("var/qmail/bin")
    let before = try Self.listing(bin)
    #expect(before.contains("qmail-queue -> qmail-dk"))
    #expect(before.count == Self.programs.count + 1)
    let installed = try sandbox.run(["queue", "install"])
    #expect(installed.status == 0, "\(installed)")
    let during = try Self.listing(bin)
    #expect(
      during.contains { $0.hasPrefix("qmail-queue -> /") && $0.hasSuffix("/toaster-dk-queue") })
    #expect(during.contains("qmail-queue.before-toaster-dk -> qmail-dk"))
    #expect(Set(during).subtracting(before).count == 2)
    let removed = try sandbox.run(["queue", "uninstall"])
    #expect(removed.status == 0, "\(removed)")
    #expect(try Self.listing(bin) == before)
  }

  @Test func installWaitsForAConcurrentToasterDK() throws {
    let sandbox = try qmtSandbox()
    defer { sandbox.remove() }
    let bin = sandbox.join("var/qmail/bin")
    // flock(1) takes the same flock(2) lock on the directory that every toaster-dk edit takes.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = [bin, "-c", "echo locked; sleep 1.5"]
    let output = Pipe()
    holder.standardOutput = output
    try holder.run()
    _ = output.fileHandleForReading.readData(ofLength: 7)
    let start = Date()
    let installed = try sandbox.run(["queue", "install"])
    let waited = Date().timeIntervalSince(start)
    holder.waitUntilExit()
    #expect(installed.status == 0, "\(installed)")
    #expect(waited >= 1.0, "install did not wait for the lock (\(waited) s)")
    #expect(try Self.listing(bin).contains("qmail-queue.before-toaster-dk -> qmail-dk"))
  }

  @Test func aBinDirectoryBehindALinkIsRefused() throws {
    let sandbox = try qmtSandbox()
    defer { sandbox.remove() }
    let elsewhere = try TempDirectory(prefix: "live-bin")
    defer { elsewhere.remove() }
    let bin = sandbox.join("var/qmail/bin")
    try FileManager.default.moveItem(atPath: bin, toPath: elsewhere.join("bin"))
    try FileManager.default.createSymbolicLink(
      atPath: bin, withDestinationPath: elsewhere.join("bin"))
    let before = try Self.listing(elsewhere.join("bin"))
    let result = try sandbox.run(["queue", "install"])
    #expect(result.status == 73, "\(result)")
    #expect(try Self.listing(elsewhere.join("bin")) == before)
  }
}
