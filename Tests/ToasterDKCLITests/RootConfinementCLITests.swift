import Foundation
import TestSupport
import Testing

/// `--root` confines writes (issue 7 item 5): a sandbox copied with `cp -a` from a live
/// server keeps absolute links to the live tree, and no write may follow one.
@Suite struct RootConfinementCLITests {
  /// A "live" tree outside the sandbox, and a snapshot of every file in it.
  private struct LiveTree {
    let directory: TempDirectory

    init() throws {
      directory = try TempDirectory(prefix: "toaster-dk-live")
      try directory.write(Sandbox.stockRules, to: "etc/tcprules.d/tcp.smtp")
      try directory.write("# live backup\n", to: "etc/tcprules.d/tcp.smtp.bak")
      try directory.write("live cdb", to: "etc/tcprules.d/tcp.smtp.cdb")
      try directory.write("live key", to: "var/qmail/control/domainkeys/example.com/private")
    }

    /// Every path under the tree with its bytes (directories as empty).
    func snapshot() throws -> [String: [UInt8]] {
      var files: [String: [UInt8]] = [:]
      let enumerator = FileManager.default.enumerator(atPath: directory.path)
      while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(
          atPath: directory.join(relative), isDirectory: &isDirectory)
        files[relative] = isDirectory.boolValue ? [] : try directory.read(relative)
      }
      return files
    }
  }

  /// Replaces `relative` in the sandbox with an absolute link to the same path in `live`.
  private func linkToLive(_ sandbox: Sandbox, _ relative: String, _ live: LiveTree) throws {
    try FileManager.default.removeItem(atPath: sandbox.join(relative))
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.join(relative), withDestinationPath: live.directory.join(relative))
  }

  private static let rulesWrites: [[String]] = [
    ["rules", "compile"], ["rules", "set-sign"], ["rules", "set-verify", "DEGIJKfh"],
    ["rules", "set-queue"], ["rules", "unset", "QMAILQUEUE"],
  ]

  @Test(arguments: [
    "etc/tcprules.d", "etc/tcprules.d/tcp.smtp.cdb", "etc/tcprules.d/tcp.smtp.bak",
    "etc/tcprules.d/tcp.smtp", "etc",
  ])
  func rulesWritesNeverFollowALinkToTheLiveTree(linked: String) throws {
    let live = try LiveTree()
    defer { live.directory.remove() }
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.directory.write("# old backup\n", to: "etc/tcprules.d/tcp.smtp.bak")
    try sandbox.directory.write("old cdb", to: "etc/tcprules.d/tcp.smtp.cdb")
    try linkToLive(sandbox, linked, live)
    let before = try live.snapshot()
    for command in Self.rulesWrites {
      let result = try sandbox.run(command)
      // Compiling only reads tcp.smtp (a linked one may be compiled from) and never
      // touches the backup.
      let readOnly = linked.hasSuffix("/tcp.smtp") || linked.hasSuffix(".bak")
      if readOnly && command == ["rules", "compile"] {
        #expect(result.status == 0, "\(command): \(result)")
        continue
      }
      #expect(result.status == 73, "\(command): \(result)")
      #expect(
        result.stderrText.contains(
          "unable to write through \(sandbox.join(linked)): it is a symbolic link to "
            + live.directory.join(linked)), "\(command): \(result)")
    }
    #expect(try live.snapshot() == before)
  }

  @Test(arguments: ["var/qmail/control", "var/qmail/control/domainkeys", "var/qmail", "var"])
  func keyWritesNeverFollowALinkToTheLiveTree(linked: String) throws {
    let live = try LiveTree()
    defer { live.directory.remove() }
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.createDirectory(
      atPath: live.directory.join("var/qmail/bin"), withIntermediateDirectories: true)
    try linkToLive(sandbox, linked, live)
    let before = try live.snapshot()
    let me = try ProcessRunner.run("/usr/bin/id", ["-un"]).stdoutText.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let group = try ProcessRunner.run("/usr/bin/id", ["-gn"]).stdoutText.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let ownership = ["--owner", me, "--group", group]
    let commands = [
      ["domain", "add", "new.example"] + ownership,
      ["domain", "add", "example.com", "--force"] + ownership,
      ["domain", "remove", "example.com", "--yes"],
      ["domain", "fix-perms"] + ownership,
    ]
    for command in commands {
      let result = try sandbox.run(command)
      #expect(result.status == 73, "\(command): \(result)")
      #expect(result.stderrText.contains(sandbox.join(linked)), "\(command): \(result)")
    }
    #expect(try live.snapshot() == before)
    // Reading through the link is allowed: it is how an admin looks at a copied tree.
    #expect(try sandbox.run(["domain", "list"]).status != 73)
  }

  @Test func linkInsideTheTreeMayBeReadButNotWrittenThrough() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let rules = sandbox.join("etc/tcprules.d/tcp.smtp")
    try FileManager.default.moveItem(atPath: rules, toPath: sandbox.join("etc/tcp.smtp.real"))
    try FileManager.default.createSymbolicLink(
      atPath: rules, withDestinationPath: "../tcp.smtp.real")
    #expect(try sandbox.run(["rules", "show"]).status == 0)
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    let edit = try sandbox.run(["rules", "set-sign"])
    expectTranscript(edit, in: sandbox, matches: "rules-set-sign-through-link")
    #expect(edit.status == 73)
    #expect(try sandbox.directory.read("etc/tcp.smtp.real") == Array(Sandbox.stockRules.utf8))
  }
}
