import Foundation
import TestSupport
import Testing

@Suite struct QueueInstallCLITests {
  private func link(_ sandbox: Sandbox) -> String { sandbox.join("var/qmail/bin/qmail-queue") }

  @Test func installAndUninstallRestoreTheLinkByteForByte() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let before = try FileManager.default.destinationOfSymbolicLink(atPath: link(sandbox))
    #expect(before == "qmail-dk")
    let status = try sandbox.run(["queue", "status"])
    #expect(status.status == 0)
    #expect(status.stdoutText.hasPrefix("qmail-queue -> qmail-dk\nqmail-dk is in front"))

    let dry = try sandbox.run(["queue", "install", "--dry-run"])
    #expect(dry.status == 0, "\(dry)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link(sandbox)) == before)

    let installed = try sandbox.run(["queue", "install"])
    #expect(installed.status == 0, "\(installed)")
    let filter = try FileManager.default.destinationOfSymbolicLink(atPath: link(sandbox))
    #expect(filter.hasSuffix("/toaster-dk-queue"))
    #expect(FileManager.default.isExecutableFile(atPath: filter))
    let json = try sandbox.run(["queue", "status", "--json"])
    #expect(json.stdoutText.contains("\"state\":\"toaster-dk-queue\""), "\(json)")
    #expect(json.stdoutText.contains("\"saved_target\":\"qmail-dk\""))
    #expect(try sandbox.run(["queue", "install"]).stderrText.contains("already installed"))

    let removed = try sandbox.run(["queue", "uninstall"])
    #expect(removed.status == 0, "\(removed)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link(sandbox)) == before)
    let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.join("var/qmail/bin"))
    #expect(names.sorted() == ["qmail-dk", "qmail-queue", "qmail-queue.orig"])
    let again = try sandbox.run(["queue", "uninstall"])
    #expect(again.status == 65)
    #expect(again.stderrText.contains("toaster-dk-queue is not installed"))
  }

  @Test func statusSaysWhatTheFilterDoesForLocalAndWorldClients() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = try sandbox.run(["queue", "status"])
    #expect(missing.status == 0)
    #expect(missing.stdoutText.contains("\n127.0.0.1: unknown: "), "\(missing)")
    #expect(try sandbox.run(["rules", "set-sign", "--ed25519-selector", "ed1", "-q"]).status == 0)
    #expect(try sandbox.run(["rules", "set-verify", "DEGIJKfh", "-q"]).status == 0)
    let status = try sandbox.run(["queue", "status"])
    #expect(status.status == 0, "\(status)")
    let lines = status.stdoutText.split(separator: "\n").map(String.init)
    let signs: String =
      "127.0.0.1 (tcp.smtp line 2): signs with /var/qmail/control/domainkeys/%/private "
      + "(selector private), DomainKeys and DKIM rsa-sha256, and ed25519-sha256 with "
      + "/var/qmail/control/domainkeys/%/ed1"
    let verifies: String =
      "the world (tcp.smtp line 3): verifies (DomainKey-Status, Authentication-Results), "
      + "rejecting DKVERIFY=DEGIJKfh"
    #expect(Array(lines.dropFirst(2)) == [signs, verifies])
    let json = try sandbox.run(["queue", "status", "--json"])
    let keys = "/var/qmail/control/domainkeys/%/"
    // The JSON writer sorts keys.
    let local: String =
      #"{"dkim":true,"ed25519_template":"\#(keys)ed1","ip":"127.0.0.1","line":2,"#
      + #""mode":"sign","template":"\#(keys)private"}"#
    let world: String = #"{"letters":"DEGIJKfh","line":3,"mode":"verify"}"#
    let clients: String = #""clients":["# + local + "," + world + "]"
    #expect(json.stdoutText.contains(clients), "\(json)")
  }

  @Test func refusesAnUnknownLayoutAndChangesNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.removeItem(atPath: link(sandbox))
    try sandbox.directory.write("#!/bin/sh\n", to: "var/qmail/bin/qmail-queue")
    let result = try sandbox.run(["queue", "install"])
    #expect(result.status == 65, "\(result)")
    #expect(
      result.stderrText.contains(
        "unable to switch /var/qmail/bin/qmail-queue: bin/qmail-queue is not a symbolic link"))
    #expect(try sandbox.directory.read("var/qmail/bin/qmail-queue") == Array("#!/bin/sh\n".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.join("var/qmail/bin"))
    #expect(names.sorted() == ["qmail-dk", "qmail-queue", "qmail-queue.orig"])
  }

  @Test func refusesAFilterThatDoesNotExist() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["queue", "install", "--filter", "/nonexistent/toaster-dk-queue"])
    #expect(result.status == 66, "\(result)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link(sandbox)) == "qmail-dk")
  }
}
