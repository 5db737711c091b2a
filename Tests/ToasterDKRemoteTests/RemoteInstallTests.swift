import Foundation
import TestSupport
import Testing

/// `toaster-dk remote install | status | uninstall` over the stock layout and over a copy
/// of QmailToaster's Perl-wrapper layout, then mail through the installed qmail-remote.
@Suite(.serialized) struct RemoteInstallTests {
  static let perlWrapper = """
    #!/usr/bin/perl
    # qmail-remote wrapper: signs with Mail::DKIM, then runs qmail-remote.orig
    use Mail::DKIM::Signer;
    exec "/var/qmail/bin/qmail-remote.orig", @ARGV;

    """
  static let signconf = """
    <dkimsign>
      <!-- per default sign all mails using dkim -->
      <global algorithm="rsa-sha1" domain="/var/qmail/control/me" keyfile="/var/qmail/control/dkim/global.key" method="simple" selector="dkim1">
        <types id="dkim" />
      </global>
    </dkimsign>

    """

  private func toasterDK(_ box: RemoteSandbox, _ arguments: [String]) throws -> ProcessResult {
    try BuiltBinary.run(arguments + ["--root", box.root])
  }

  private func install(_ box: RemoteSandbox, _ extra: [String] = []) throws -> ProcessResult {
    try toasterDK(
      box,
      [
        "remote", "install", "--launcher", box.launcher, "--remote-user", "nobody", "--group",
        "root",
      ]
        + extra)
  }

  private func uninstall(_ box: RemoteSandbox) throws -> ProcessResult {
    try toasterDK(box, ["remote", "uninstall", "--remote-user", "nobody", "--group", "root"])
  }

  /// Every file of bin/ with its bytes and mode (links as their text).
  private func snapshot(_ box: RemoteSandbox) throws -> [String: String] {
    let bin = box.join("var/qmail/bin")
    var result: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: bin) {
      let path = bin + "/" + name
      var info = stat()
      lstat(path, &info)
      if info.st_mode & S_IFMT == S_IFLNK {
        result[name] = "link " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
      } else {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        result[name] =
          String(info.st_mode & 0o7777, radix: 8) + " \(bytes.hashValue) \(info.st_ino)"
      }
    }
    return result
  }

  private func qmtLayout() throws -> RemoteSandbox {
    let box = try RemoteSandbox()
    try box.addKey(TestKeys.rsa1024)
    try box.sandbox.directory.write(Self.perlWrapper, to: "var/qmail/bin/qmail-remote")
    chmod(box.join("var/qmail/bin/qmail-remote"), 0o777)
    try box.sandbox.directory.write(Self.signconf, to: "var/qmail/control/dkim/signconf.xml")
    return box
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func roundTripOverThePerlWrapperRestoresItByteForByte() throws {
    let box = try qmtLayout()
    defer { box.remove() }
    let status = try toasterDK(box, ["remote", "status"])
    #expect(status.status == 0)
    #expect(
      status.stdoutText.hasPrefix("qmail-remote: QmailToaster's Perl DKIM wrapper"), "\(status)")
    #expect(status.stdoutText.contains("problem: global: signs rsa-sha1, which RFC 8301 forbids"))
    #expect(status.stdoutText.contains("problem: global: d= comes from /var/qmail/control/me"))
    #expect(status.stdoutText.contains("problem: bin/qmail-remote is world-writable"))
    let before = try snapshot(box)
    let dry = try install(box, ["--dry-run"])
    #expect(dry.status == 0, "\(dry)")
    #expect(try snapshot(box) == before)
    let installed = try install(box)
    #expect(installed.status == 0, "\(installed)")
    #expect(installed.stdoutText.contains("+user:nobody:r--"), "\(installed)")
    let json = try toasterDK(box, ["remote", "status", "--json"])
    #expect(json.stdoutText.contains("\"state\":\"toaster-dk-remote\""), "\(json)")
    #expect(try install(box).stderrText.contains("already installed"))
    // Mail through the installed qmail-remote is signed and reaches qmail-remote.orig.
    let (run, _) = try box.run(program: box.join("var/qmail/bin/qmail-remote"))
    #expect(run.reports == ["rbob@example.net accepted", "Kmessage accepted"], "\(run)")
    #expect(String(decoding: run.message ?? [], as: UTF8.self).hasPrefix("DKIM-Signature:"))
    let removed = try uninstall(box)
    #expect(removed.status == 0, "\(removed)")
    #expect(try snapshot(box) == before)
    let again = try uninstall(box)
    #expect(again.status == 65, "\(again)")
  }

  /// The ACL entries of `path`, as getfacl prints them.
  private func aclNames(_ path: String) throws -> [String] {
    try ProcessRunner.run("/usr/bin/env", ["getfacl", "-cp", path]).stdoutText
      .split(separator: "\n").map(String.init)
  }

  @Test(
    .disabled(
      if: RemoteSandbox.missing ?? RealBinary.missingReason("getfacl") != nil,
      "\(RemoteSandbox.missing ?? RealBinary.missingReason("getfacl") ?? "")"))
  func dryRunShowsTheACLsItWouldSetAndChangesNothing() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    try box.addKey(TestKeys.rsa1024)
    let bin = box.join("var/qmail/bin")
    try FileManager.default.moveItem(
      atPath: bin + "/qmail-remote.orig", toPath: bin + "/qmail-remote")
    let key = box.keys + "/example.com/private"
    let readers = box.join("var/qmail/control/toaster-dk/key-readers")
    let dry = try install(box, ["--dry-run"])
    #expect(dry.status == 0, "\(dry)")
    let lines = dry.stdoutText.split(separator: "\n").map(String.init)
    #expect(
      lines.contains { $0.hasPrefix(key + ": key ") && $0.hasSuffix(" +user:nobody:r--") },
      "\(dry)")
    #expect(
      lines.contains {
        $0.hasPrefix(box.keys + "/example.com: directory ") && $0.hasSuffix(" +user:nobody:--x")
      }, "\(dry)")
    #expect(dry.stderrText.contains("would point qmail-remote at \(box.launcher)"), "\(dry)")
    #expect(!FileManager.default.fileExists(atPath: readers))
    #expect(try !aclNames(key).contains("user:nobody:r--"))
    // The install itself makes exactly the changes its dry run showed.
    let installed = try install(box)
    #expect(installed.status == 0, "\(installed)")
    #expect(installed.stdoutText == dry.stdoutText)
    #expect(try aclNames(key).contains("user:nobody:r--"))
    // And the dry uninstall shows the ACLs coming off again, as the uninstall does them.
    let dryOff = try toasterDK(
      box, ["remote", "uninstall", "--remote-user", "nobody", "--group", "root", "--dry-run"])
    #expect(dryOff.status == 0, "\(dryOff)")
    #expect(dryOff.stdoutText.contains(key + ": key "), "\(dryOff)")
    let removed = try uninstall(box)
    #expect(removed.status == 0, "\(removed)")
    #expect(removed.stdoutText == dryOff.stdoutText)
    #expect(try !aclNames(key).contains("user:nobody:r--"))
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func roundTripOverTheStockProgram() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    let bin = box.join("var/qmail/bin")
    try FileManager.default.moveItem(
      atPath: bin + "/qmail-remote.orig", toPath: bin + "/qmail-remote")
    let before = try snapshot(box)
    #expect(
      try toasterDK(box, ["remote", "status"]).stdoutText.hasPrefix(
        "qmail-remote: the stock program"))
    let installed = try install(box)
    #expect(installed.status == 0, "\(installed)")
    let after = try snapshot(box)
    // The stock program is now qmail-remote.orig: the same file, not a copy.
    #expect(after["qmail-remote.orig"] == before["qmail-remote"])
    #expect(after["qmail-remote"] == "link \(box.launcher)")
    let (run, _) = try box.run(program: bin + "/qmail-remote")
    #expect(run.reports.last == "Kmessage accepted", "\(run)")
    #expect(try uninstall(box).status == 0)
    #expect(try snapshot(box) == before)
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func refusesUnknownLayoutsAndItselfAndChangesNothing() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    let bin = box.join("var/qmail/bin")
    try box.sandbox.directory.write("#!/bin/sh\nexec true\n", to: "var/qmail/bin/qmail-remote")
    chmod(bin + "/qmail-remote", 0o755)
    let before = try snapshot(box)
    let script = try install(box)
    #expect(script.status == 65, "\(script)")
    #expect(script.stderrText.contains("unable to switch /var/qmail/bin/qmail-remote"), "\(script)")
    #expect(try snapshot(box) == before)
    // qmail-remote.orig already being the launcher: installing would wrap itself.
    try FileManager.default.removeItem(atPath: bin + "/qmail-remote")
    try FileManager.default.removeItem(atPath: bin + "/qmail-remote.orig")
    try FileManager.default.copyItem(atPath: box.launcher, toPath: bin + "/qmail-remote")
    let copy = try toasterDK(
      box,
      [
        "remote", "install", "--launcher", bin + "/qmail-remote", "--remote-user", "nobody",
        "--group", "root",
      ])
    #expect(copy.status == 65, "\(copy)")
    let missing = try toasterDK(
      box,
      [
        "remote", "install", "--launcher", "/nonexistent/toaster-dk-remote", "--remote-user",
        "nobody", "--group", "root",
      ])
    #expect(missing.status == 66, "\(missing)")
  }
}

extension RemoteInstallTests {
  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func importsThePerlWrappersKeysKeepingTheirSelector() throws {
    let box = try qmtLayout()
    defer { box.remove() }
    try box.sandbox.directory.write("mail.example.com\n", to: "var/qmail/control/me")
    try box.sandbox.directory.write(TestKeys.rsa1024, to: "var/qmail/control/dkim/global.key")
    let installed = try install(box, ["--import-keys"])
    #expect(installed.status == 0, "\(installed)")
    #expect(
      installed.stderrText.contains(
        "imported \(box.join("var/qmail/control/dkim/global.key")) as mail.example.com/dkim1"),
      "\(installed)")
    let key = try box.sandbox.directory.read("var/qmail/control/domainkeys/mail.example.com/dkim1")
    #expect(String(decoding: key, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----"))
    var info = stat()
    stat(box.join("var/qmail/control/domainkeys/mail.example.com/dkim1"), &info)
    #expect(info.st_mode & 0o777 == 0o440)
    let selectors = try box.sandbox.directory.read("var/qmail/control/toaster-dk/remote-selectors")
    #expect(String(decoding: selectors, as: UTF8.self) == "mail.example.com:dkim1\n")
    // A bounce from the host is now signed with the imported key under its old selector.
    let bounce = Array(
      "From: MAILER-DAEMON@mail.example.com\nTo: a@example.net\nSubject: failure notice\n\nHi\n"
        .utf8)
    let (run, _) = try box.run(
      bounce, arguments: ["example.net", "", "a@example.net"],
      program: box.join("var/qmail/bin/qmail-remote"))
    let text = String(decoding: run.message ?? [], as: UTF8.self)
    #expect(text.contains("d=mail.example.com;") && text.contains("s=dkim1;"), "\(run)")
  }
}
