import Foundation
import TestSupport
import Testing

@Suite struct DomainManageCLITests {
  static let keys = "var/qmail/control/domainkeys"

  @Test func listAndShowReportKeysAndProblems() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup, "-q"]).status == 0)
    try sandbox.directory.write("", to: "\(Self.keys)/old.example/private")
    let list = try sandbox.run(["domain", "list", "--group", testGroup, "--signer-user", "root"])
    #expect(list.status == 0 && list.stderr.isEmpty)
    let lines = list.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.count == 7)
    #expect(lines[0].hasPrefix("example.com 0750 ") && lines[0].hasSuffix(" ok"))
    #expect(lines[1].hasPrefix("  private rsa 2048 sha256:") && lines[1].hasSuffix(" ok"))
    #expect(
      lines[4].hasPrefix("  private unreadable 0644 ") && lines[4].hasSuffix(" needs-attention"))
    #expect(
      lines.contains {
        $0 == "    - empty key file (old dknewkey on openssl 3 leaves one): replace it with"
          + " toaster-dk domain add old.example --selector private --force"
      })
    let json = try sandbox.run([
      "domain", "list", "--json", "--group", testGroup, "--signer-user", "root",
    ])
    #expect(
      json.stdoutText.hasPrefix(
        "{\"convention\":\"root:\(testGroup)\",\"domains\":[{\"alias_of\":null,\"domain\":\"example.com\""
      ))
    let show = try sandbox.run(["domain", "show", "example.com", "--group", testGroup, "--testing"])
    #expect(
      show.stdoutText.contains(
        "\nprivate._domainkey.example.com.\t3600\tIN\tTXT\t( \"v=DKIM1; k=rsa; t=y; p="))
    let tinydns = try sandbox.run(
      ["domain", "show", "example.com", "--group", testGroup, "--format", "tinydns"])
    #expect(tinydns.stdoutText.contains("\n'private._domainkey.example.com:v=DKIM1; k=rsa; p="))
    expectTranscript(
      try sandbox.run(["domain", "show", "other.example"]), in: sandbox,
      matches: "domain-show-missing")
    expectTranscript(
      try sandbox.run(["domain", "dns", "old.example"]), in: sandbox,
      matches: "domain-dns-empty-key")
  }

  @Test func removeNeedsYesAndKeepsABackup() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup, "-q"]).status == 0)
    expectTranscript(
      try sandbox.run(["domain", "remove", "example.com"]), in: sandbox,
      matches: "domain-remove-no-yes")
    let removed = try sandbox.run(["domain", "remove", "example.com", "--yes"])
    #expect(removed.status == 0 && removed.stdout.isEmpty)
    let stamp = #/\.[0-9]{8}T[0-9]{6}Z\n/#
    #expect(
      sandbox.transcript(removed).replacing(stamp, with: ".STAMP\n").hasSuffix(
        "toaster-dk: moved $ROOT/\(Self.keys)/example.com to $ROOT/\(Self.keys)/.removed/example.com.STAMP\n"
      ))
    #expect(directoryEntries(sandbox.join(Self.keys)) == [".removed"])
    expectTranscript(
      try sandbox.run(["domain", "dns", "example.com"]), in: sandbox, matches: "domain-dns-missing")
  }

  @Test func fixPermsDryRunThenRepair() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "--group", testGroup, "-q"]).status == 0)
    chmod(sandbox.join("\(Self.keys)/example.com/private"), 0o444)
    let dry = try sandbox.run([
      "domain", "fix-perms", "--group", testGroup, "--dry-run", "--signer-user", "root",
    ])
    #expect(dry.status == 0)
    #expect(
      dry.stdoutText.hasPrefix(sandbox.join("\(Self.keys)/example.com/private") + ": key 0444 "))
    #expect(dry.stderrText == "toaster-dk: would change 1 path(s)\n")
    let fixed = try sandbox.run([
      "domain", "fix-perms", "example.com", "--group", testGroup, "--signer-user", "root",
    ])
    #expect(fixed.stdout == dry.stdout && fixed.stderrText == "toaster-dk: changed 1 path(s)\n")
    let json = try sandbox.run([
      "domain", "fix-perms", "--group", testGroup, "--json", "--signer-user", "root",
    ])
    #expect(json.stdoutText == "{\"applied\":true,\"changes\":[],\"warnings\":[]}\n")
    var info = stat()
    stat(sandbox.join("\(Self.keys)/example.com/private"), &info)
    #expect(info.st_mode & 0o7777 == 0o440)
  }
}
