import Foundation
import TestSupport
import Testing

/// The binary run as `nobody` (through setpriv): refused before writing anything when it
/// would have to give keys away, allowed in a tree it owns.
@Suite(
  .enabled(
    if: geteuid() == 0 && RealBinary.find("setpriv") != nil,
    "needs root and setpriv to run toaster-dk as nobody"))
struct DomainNonRootCLITests {
  static let keys = "var/qmail/control/domainkeys"

  func runAsNobody(_ arguments: [String], in sandbox: Sandbox) throws -> ProcessResult {
    let setpriv = try #require(RealBinary.find("setpriv"))
    return try ProcessRunner.run(
      setpriv,
      ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltBinary.toasterDK]
        + arguments + ["--root", sandbox.root])
  }

  @Test func nonRootCannotGiveKeysToRoot() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    chown(sandbox.join(Self.keys), 65534, 65534)
    let result = try runAsNobody(["domain", "add", "example.com", "--group", "0"], in: sandbox)
    #expect(result.status == 73)
    #expect(
      result.stderrText
        == "toaster-dk: error: only root can give keys to root:0: run as root, or pass --owner"
        + " and --group naming yourself and one of your groups for a tree you own\n")
    #expect(directoryEntries(sandbox.join(Self.keys)).isEmpty)
  }

  @Test func nonRootManagesATreeItOwns() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    chown(sandbox.join(Self.keys), 65534, 65534)
    let add = try runAsNobody(
      ["domain", "add", "example.com", "--owner", "65534", "--group", "65534", "-q"], in: sandbox)
    #expect(add.status == 0, "\(add)")
    var info = stat()
    lstat(sandbox.join("\(Self.keys)/example.com/private"), &info)
    #expect(info.st_uid == 65534 && info.st_gid == 65534 && info.st_mode & 0o7777 == 0o440)
    let list = try runAsNobody(
      ["domain", "list", "--owner", "65534", "--group", "65534"], in: sandbox)
    #expect(list.status == 0 && list.stdoutText.contains(" ok\n  private rsa 2048 "), "\(list)")
  }
}
