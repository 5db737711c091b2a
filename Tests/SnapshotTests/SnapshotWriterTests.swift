import Foundation
import QmailControl
import Snapshot
import TestSupport
import Testing
import ToasterSupport

@Suite struct SnapshotWriterTests {
  static let keys = "var/qmail/control/domainkeys"

  /// A live-looking tree with keys, control files, bin links and links into and out of it.
  private func makeTree(_ tmp: TempDirectory) throws -> String {
    let root = tmp.join("live")
    try tmp.write(":allow\n", to: "live/etc/tcprules.d/tcp.smtp")
    try tmp.write("example.com\n", to: "live/var/qmail/control/rcpthosts")
    try tmp.write(
      "+example.com-:example.com:89:89:/d:-::\n.\n", to: "live/home/vpopmail/users/assign")
    try tmp.write("KEY\n", to: "live/\(Self.keys)/example.com/private")
    try tmp.write("v=DKIM1\n", to: "live/\(Self.keys)/example.com/private.txt")
    try tmp.write("OLD\n", to: "live/\(Self.keys)/.removed/example.com.20260101T000000Z/private")
    try tmp.write("#!/bin/sh\n", to: "live/var/qmail/bin/qmail-queue.orig")
    try tmp.write("#!/bin/sh\n", to: "live/var/qmail/bin/qmail-dk")
    try tmp.write("secret\n", to: "outside/secret")
    chmod(root + "/\(Self.keys)/example.com/private", 0o440)
    if geteuid() == 0 {
      chown(root + "/\(Self.keys)/example.com/private", 65534, 65534)
      chown(root + "/\(Self.keys)/example.com", 0, 65534)
    }
    chmod(root + "/\(Self.keys)/example.com", 0o750)
    chmod(root + "/\(Self.keys)/.removed", 0o700)
    chmod(root + "/var/qmail/bin/qmail-queue.orig", 0o4711)
    let links: [(String, String)] = [
      ("var/qmail/bin/qmail-queue", "qmail-dk"),
      ("\(Self.keys)/alias.example", root + "/\(Self.keys)/example.com"),
      ("\(Self.keys)/live.example", "/\(Self.keys)/example.com"),
      ("\(Self.keys)/outside.example", tmp.join("outside")),
      ("\(Self.keys)/example.com/stolen", "../../../../../../outside/secret"),
    ]
    for (link, target) in links {
      try FileManager.default.createSymbolicLink(
        atPath: root + "/" + link, withDestinationPath: target)
    }
    return root
  }

  private func status(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
  }

  @Test func copiesOwnersModesAndBytesAndNoLinkLeaves() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let live = try makeTree(tmp)
    let plan = SnapshotPlan(served: ServedDomainPaths(paths: ToasterPaths(root: live)))
    let copy = tmp.join("copy")
    let result = try SnapshotWriter(plan: plan).write(to: copy)
    for file in [
      "etc/tcprules.d/tcp.smtp", "var/qmail/control/rcpthosts", "home/vpopmail/users/assign",
      "\(Self.keys)/example.com/private",
      "\(Self.keys)/.removed/example.com.20260101T000000Z/private",
      "\(Self.keys)/example.com", "\(Self.keys)/.removed", "var/qmail/bin/qmail-dk",
    ] {
      let original = try #require(status(live + "/" + file), "\(file)")
      let copied = try #require(status(copy + "/" + file), "\(file) copied")
      #expect(copied.st_mode == original.st_mode, "\(file)")
      #expect(copied.st_uid == original.st_uid && copied.st_gid == original.st_gid, "\(file)")
      if original.st_mode & S_IFMT == S_IFREG {
        #expect(try tmp.read("copy/" + file) == tmp.read("live/" + file), "\(file)")
      }
    }
    #expect(status(copy + "/var/qmail/bin/qmail-queue.orig").map { $0.st_mode & 0o7777 } == 0o711)
    #expect(result.setIDCleared == ["/var/qmail/bin/qmail-queue.orig"])
    #expect(
      result.links.map { "\($0.path) -> \($0.target)" }.sorted() == [
        "/var/qmail/bin/qmail-queue -> qmail-dk",
        "/var/qmail/control/domainkeys/alias.example -> example.com",
      ])
    #expect(
      result.refused.map(\.path).sorted() == [
        "/var/qmail/control/domainkeys/example.com/stolen",
        "/var/qmail/control/domainkeys/live.example",
        "/var/qmail/control/domainkeys/outside.example",
      ])
    try expectNoLinkLeaves(copy)
    #expect(!FileManager.default.fileExists(atPath: copy + "/etc/tcprules.d/tcp.smtp.cdb"))
  }

  /// The path `realpath` resolves `path` to, freeing the buffer it returns (ASan reports it).
  private func canonicalPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Every link under `directory` resolves, by realpath, to a path inside it.
  private func expectNoLinkLeaves(_ directory: String) throws {
    let base = try #require(canonicalPath(directory))
    let names = try #require(FileManager.default.enumerator(atPath: directory))
    var links = 0
    for case let name as String in names {
      guard let info = status(directory + "/" + name), info.st_mode & S_IFMT == S_IFLNK else {
        continue
      }
      links += 1
      let target = try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + name)
      #expect(!target.hasPrefix("/"), "\(name) -> \(target)")
      let resolved = canonicalPath(directory + "/" + name)
      #expect(resolved?.hasPrefix(base + "/") == true, "\(name) -> \(target)")
    }
    #expect(links == 2)
  }

  @Test func refusesADestinationInUseAndLeavesNoTemp() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let live = try makeTree(tmp)
    try tmp.write("mine\n", to: "busy/file")
    let plan = SnapshotPlan(served: ServedDomainPaths(paths: ToasterPaths(root: live)))
    let inside = live + "/\(Self.keys)/example.com/../snap"
    #expect(throws: SnapshotError.destinationInsideKeyTree(path: inside)) {
      try SnapshotWriter(plan: plan).write(to: inside)
    }
    let keys = try TempDirectory()
    defer { keys.remove() }
    try keys.write(":allow\n", to: "etc/tcprules.d/tcp.smtp")
    try FileManager.default.createDirectory(
      atPath: keys.join(Self.keys), withIntermediateDirectories: true)
    let emptyTree = keys.join(Self.keys)
    let emptyPlan = SnapshotPlan(served: ServedDomainPaths(paths: ToasterPaths(root: keys.path)))
    #expect(throws: SnapshotError.destinationInsideKeyTree(path: emptyTree)) {
      try SnapshotWriter(plan: emptyPlan).write(to: emptyTree + "/")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: emptyTree).isEmpty)
    #expect(throws: SnapshotError.destinationInUse(path: tmp.join("busy"))) {
      try SnapshotWriter(plan: plan).write(to: tmp.join("busy"))
    }
    try FileManager.default.createDirectory(
      atPath: tmp.join("empty"), withIntermediateDirectories: false)
    _ = try SnapshotWriter(plan: plan).write(to: tmp.join("empty/"))
    #expect(FileManager.default.fileExists(atPath: tmp.join("empty/etc/tcprules.d/tcp.smtp")))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted() == [
        "busy", "empty", "live", "outside",
      ])
  }
}
