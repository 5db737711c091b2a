import Foundation
import TestSupport
import Testing

/// qmail-dk reads keys as the SMTP daemon's user: `nobody` (group nogroup) stands in.
///
/// As vpopmail:vchkpw would be on a toaster. Keys 0400, a key chgrp'ed away or a closed directory used to report
/// "ok" and test-sign as root said "signed".
@Suite(
  .enabled(
    if: geteuid() == 0 && RealBinary.find("setpriv") != nil,
    "needs root, and setpriv to run toaster-dk as nobody"))
struct KeyReadabilityCLITests {
  static let keys = "var/qmail/control/domainkeys"
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow

    """
  static let asSigner = ["--group", "65534", "--signer-user", "nobody"]

  func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox(rules: Self.rules)
    chmod(sandbox.root, 0o755)
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    #expect(
      try sandbox.run(["domain", "add", "example.com", "-q", "--group", "65534"]).status == 0)
    try sandbox.directory.write("From: a@example.com\n\nhi\n", to: "message.eml")
    return sandbox
  }

  @Test func testSignJudgesTheKeyAsTheSigner() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let message = sandbox.join("message.eml")
    let ok = try sandbox.run(["test-sign", "--signer-user", "nobody", message])
    #expect(ok.status == 0 && ok.stderrText.contains("signed d=example.com s=private"), "\(ok)")
    chmod(sandbox.join("\(Self.keys)/example.com/private"), 0o400)
    let refused = try sandbox.run(["test-sign", "--signer-user", "nobody", message])
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderrText.contains("qmail-dk would reject the message: 554"))
    #expect(
      refused.stderrText.contains(
        "nobody (group nogroup) cannot read \(sandbox.join("\(Self.keys)/example.com/private"))"
          + " (0400 root:nogroup): run toaster-dk domain fix-perms"))
  }

  @Test func testSignWithoutPermissionSaysItCouldNotReadTheKey() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    chown(sandbox.join("\(Self.keys)/example.com/private"), 0, 0)
    let setpriv = try #require(RealBinary.find("setpriv"))
    let result = try ProcessRunner.run(
      setpriv,
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", BuiltBinary.toasterDK, "test-sign",
        "--signer-user", "nobody", "--root", sandbox.root, sandbox.join("message.eml"),
      ])
    #expect(result.status == 66, "\(result)")
    #expect(
      result.stderrText.contains(
        "toaster-dk could not read the key /var/qmail/control/domainkeys/example.com/private:"),
      "\(result)")
    #expect(!result.stderrText.contains("qmail-dk would reject"))
  }

  @Test(arguments: ["key 0400", "key chgrp root", "domainkeys 0700"])
  func listFlagsWhatBlocksTheSignerAndFixPermsRepairsIt(_ spoil: String) throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let key = sandbox.join("\(Self.keys)/example.com/private")
    switch spoil {
    case "key 0400": chmod(key, 0o400)
    case "key chgrp root": chown(key, 0, 0)
    default: chmod(sandbox.join(Self.keys), 0o700)
    }
    let list = try sandbox.run(["domain", "list"] + Self.asSigner)
    #expect(list.stdoutText.contains("nobody (group nogroup) cannot"), "\(spoil): \(list)")
    #expect(list.stdoutText.contains("needs-attention") || spoil == "domainkeys 0700")
    let fixed = try sandbox.run(["domain", "fix-perms"] + Self.asSigner)
    #expect(fixed.status == 0, "\(fixed)")
    let after = try sandbox.run(["domain", "list"] + Self.asSigner)
    #expect(!after.stdoutText.contains("cannot") && !after.stdoutText.contains("needs-attention"))
    let signed = try sandbox.run([
      "test-sign", "--signer-user", "nobody", sandbox.join("message.eml"),
    ])
    #expect(signed.status == 0, "\(signed)")
  }

  @Test func modeOptionIsGone() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.run(["domain", "add", "other.example", "--mode", "0400"])
    #expect(result.status == 64)
    #expect(directoryEntries(sandbox.join(Self.keys)) == ["example.com"])
  }
}
