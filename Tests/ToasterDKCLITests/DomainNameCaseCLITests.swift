import Foundation
import TestSupport
import Testing

/// Selectors keep their case; domains in key directories are lower case while qmail-dk
/// keeps the sender's case; alias links are read through, never written through.
@Suite struct DomainNameCaseCLITests {
  static let keys = "var/qmail/control/domainkeys"
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow

    """
  static let owner = ["--group", testGroup, "--signer-user", "root"]

  func sandbox(rules: String = rules) throws -> Sandbox {
    let sandbox = try Sandbox(rules: rules)
    #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
    return sandbox
  }

  @Test func addKeepsTheSelectorsCaseAndListFlagsACaseMismatch() throws {
    let sandbox = try sandbox(
      rules: "127.:allow,RELAYCLIENT=\"\",DKSIGN=\"/var/qmail/control/domainkeys/%/Mail2026\"\n")
    defer { sandbox.remove() }
    let add = try sandbox.run(
      ["domain", "add", "example.com", "--selector", "Mail2026", "-q", "--group", testGroup])
    #expect(add.status == 0 && add.stdoutText.contains("Mail2026._domainkey.example.com."))
    #expect(
      directoryEntries(sandbox.join("\(Self.keys)/example.com")) == ["Mail2026", "Mail2026.txt"])
    #expect(
      try sandbox.run(
        ["domain", "add", "example.com", "--selector", "mail2026", "-q"] + Self.owner.prefix(2)
      )
      .status == 0)
    let list = try sandbox.run(["domain", "list"] + Self.owner)
    #expect(
      list.stdoutText.contains(
        "    - selector mail2026 differs only in case from Mail2026 in tcp.smtp's DKSIGN"),
      "\(list)")
    #expect(!list.stdoutText.contains("selector Mail2026 differs"))
  }

  // The advice for a mixed-case directory used to be a command that could not work
  // (toaster-dk lower-cases its domain argument); this one is run as given.
  @Test func mixedCaseDirectoryAdviceIsACommandThatWorks() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.org", "-q"] + Self.owner.prefix(2)).status == 0)
    try FileManager.default.moveItem(
      atPath: sandbox.join("\(Self.keys)/example.org"),
      toPath: sandbox.join("\(Self.keys)/Example.ORG"))
    let list = try sandbox.run(["domain", "list"] + Self.owner)
    let advice = try #require(
      list.stdoutText.split(separator: "\n").first { $0.contains("not a lower-case domain name") },
      "\(list)")
    let command = try #require(advice.range(of: ": run ").map { String(advice[$0.upperBound...]) })
    let shell = try ProcessRunner.run("/bin/sh", ["-c", command])
    #expect(shell.status == 0, "\(command): \(shell)")
    let after = try sandbox.run(["domain", "list"] + Self.owner)
    #expect(
      after.stdoutText.hasPrefix("Example.ORG alias of example.org\nexample.org 0750 "), "\(after)")
    #expect(!after.stdoutText.contains("needs-attention"))
    try sandbox.directory.write("From: a@Example.ORG\n\nhi\n", to: "mixed.eml")
    let signed = try sandbox.run(["test-sign", "--signer-user", "root", sandbox.join("mixed.eml")])
    #expect(signed.stderrText.contains("signed d=Example.ORG s=private"), "\(signed)")
  }

  @Test func upperCaseSenderWithOnlyALowerCaseKeySaysWhatToDo() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "-q"] + Self.owner.prefix(2)).status == 0)
    try sandbox.directory.write("From: a@EXAMPLE.COM\n\nhi\n", to: "upper.eml")
    let unsigned = try sandbox.run([
      "test-sign", "--signer-user", "root", sandbox.join("upper.eml"),
    ])
    #expect(unsigned.status == 0)
    let link = "ln -s example.com /var/qmail/control/domainkeys/EXAMPLE.COM"
    #expect(unsigned.stderrText.contains("qmail-dk would queue the message unsigned"))
    #expect(
      unsigned.stderrText.contains("only /var/qmail/control/domainkeys/example.com/private exists"))
    #expect(unsigned.stderrText.contains("run \(link)"), "\(unsigned)")
    let shell = try ProcessRunner.run(
      "/bin/sh", ["-c", link.replacing("/var/qmail", with: sandbox.join("var/qmail"))])
    #expect(shell.status == 0)
    let signed = try sandbox.run(["test-sign", "--signer-user", "root", sandbox.join("upper.eml")])
    #expect(signed.stderrText.contains("signed d=EXAMPLE.COM s=private"), "\(signed)")
  }

  @Test func aliasLinkIsListedAndPublishedNeverWritten() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "example.com", "-q"] + Self.owner.prefix(2)).status == 0)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.join("\(Self.keys)/alias.example"), withDestinationPath: "example.com")
    let list = try sandbox.run(["domain", "list"] + Self.owner)
    #expect(list.stdoutText.hasPrefix("alias.example alias of example.com\n"), "\(list)")
    #expect(!list.stdoutText.contains("move it"))
    let dns = try sandbox.run(["domain", "dns", "alias.example", "--format", "plain"])
    let real = try sandbox.run(["domain", "dns", "example.com", "--format", "plain"])
    #expect(dns.status == 0 && dns.stdout == real.stdout && !dns.stdout.isEmpty, "\(dns)")
    let bind = try sandbox.run(["domain", "show", "alias.example"] + Self.owner)
    #expect(bind.stdoutText.contains("private._domainkey.alias.example.\t3600"), "\(bind)")
    let add = try sandbox.run(
      ["domain", "add", "alias.example", "--selector", "s2"] + Self.owner.prefix(2))
    #expect(add.status == 73 && add.stderrText.contains("never writes through it"), "\(add)")
    #expect(
      directoryEntries(sandbox.join("\(Self.keys)/example.com")) == ["private", "private.txt"])
  }

  // d= names a path: ../../../../outside/private is a real key outside the key directory.
  @Test func hostileSigningDomainNeverReachesTheFileSystem() throws {
    let sandbox = try sandbox()
    defer { sandbox.remove() }
    #expect(
      try sandbox.run(["domain", "add", "outside.example", "-q"] + Self.owner.prefix(2)).status == 0
    )
    try FileManager.default.createDirectory(
      atPath: sandbox.join("outside"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: sandbox.join("\(Self.keys)/outside.example/private"),
      toPath: sandbox.join("outside/private"))
    try sandbox.directory.write("From: a@outside.example\nSubject: x\n\nhi\n", to: "m.eml")
    let signed = try sandbox.run([
      "test-sign", "--signer-user", "root", "--method", "dkim", sandbox.join("m.eml"),
    ])
    #expect(signed.status == 0)
    let hostile = signed.stdoutText.replacing("d=outside.example", with: "d=../../../../outside")
    #expect(hostile != signed.stdoutText)
    try sandbox.directory.write(hostile, to: "hostile.eml")
    let verified = try sandbox.run(["test-verify", "--keys", "local", sandbox.join("hostile.eml")])
    #expect(
      verified.stdoutText.contains(
        "permerror (selector private of ../../../../outside is not a hostname"), "\(verified)")
    let bad = try sandbox.run(["test-sign", "--domain", "../outside", sandbox.join("m.eml")])
    #expect(bad.status == 64)
  }
}
