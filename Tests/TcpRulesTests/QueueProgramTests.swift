import Foundation
import TestSupport
import Testing
import ToasterSupport

@testable import TcpRules

/// The one DKQUEUE loop check, on a toaster tree in a temp root.
@Suite struct QueueProgramTests {
  private func toaster(simscanTarget: String = "/var/qmail/bin/qmail-queue") throws
    -> TempDirectory
  {
    let tmp = try TempDirectory()
    try tmp.write("#!/bin/sh\n", to: "var/qmail/bin/qmail-queue.orig")
    try tmp.write("qmail-dk binary", to: "var/qmail/bin/qmail-dk")
    // An absolute link, as a copy of a live box has: it must resolve inside the root.
    symlink("/var/qmail/bin/qmail-dk", tmp.join("var/qmail/bin/qmail-queue"))
    try tmp.write(Array("simscan\0\(simscanTarget)\0more\0".utf8), to: "var/qmail/bin/simscan")
    try FileManager.default.createDirectory(
      atPath: tmp.join("usr/local/bin"), withIntermediateDirectories: true)
    symlink("../../../var/qmail/bin/qmail-queue", tmp.join("usr/local/bin/queue-link"))
    link(tmp.join("var/qmail/bin/qmail-dk"), tmp.join("usr/local/bin/dk-copy"))
    return tmp
  }

  private func kinds(_ value: String, in tmp: TempDirectory) -> [QueueProgramProblem.Kind] {
    RulesStore.queueProgramProblems(value, paths: ToasterPaths(root: tmp.path)).map(\.kind)
  }

  @Test(arguments: [
    "/var/qmail/bin/qmail-queue", "bin/qmail-queue", "./bin/qmail-queue",
    "/var/qmail/bin/qmail-dk", "/usr/local/bin/queue-link", "/usr/local/bin/dk-copy",
    "/var/qmail/bin/../bin/qmail-queue", "/var/qmail/bin/simscan", "bin/simscan",
  ])
  func programsThatLeadBackToQmailDKAreLoops(value: String) throws {
    let tmp = try toaster()
    defer { tmp.remove() }
    #expect(kinds(value, in: tmp) == [.loop])
  }

  @Test func theRealQueueAndAnOrigSimscanAreFine() throws {
    let tmp = try toaster(simscanTarget: "/var/qmail/bin/qmail-queue.orig")
    defer { tmp.remove() }
    #expect(kinds("/var/qmail/bin/qmail-queue.orig", in: tmp) == [])
    #expect(kinds("bin/qmail-queue.orig", in: tmp) == [])
    #expect(kinds("/var/qmail/bin/simscan", in: tmp) == [])
  }

  @Test func aMissingProgramIsNotALoop() throws {
    let tmp = try toaster()
    defer { tmp.remove() }
    let problems = RulesStore.queueProgramProblems(
      "/opt/none", paths: ToasterPaths(root: tmp.path))
    #expect(problems.map(\.kind) == [.missing])
    #expect(problems.first?.message.hasPrefix("/opt/none does not exist") == true)
  }

  @Test func lintUsesTheSameCheckOnTheStoresRoot() throws {
    let tmp = try toaster()
    defer { tmp.remove() }
    try tmp.write(
      ":allow,DKQUEUE=\"/usr/local/bin/queue-link\"\n1.:allow,DKQUEUE=\"/opt/none\"\n",
      to: "etc/tcprules.d/tcp.smtp")
    let store = RulesStore(
      rulesPath: tmp.join("etc/tcprules.d/tcp.smtp"), cdbPath: tmp.join("x.cdb"), root: tmp.path)
    let diagnostics = try store.lint(options: LintOptions())
    #expect(diagnostics.map(\.severity) == [.error, .warning])
    #expect(diagnostics.first?.message.contains("leads back to qmail-dk") == true)
  }
}
