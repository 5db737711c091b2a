import Foundation
import TestSupport
import Testing

@Suite(
  .enabled(if: RealBinary.find("cdb") != nil, "not installed: cdb (tinycdb), to make the cdb"))
struct DomainAddAllCLITests {
  static let add = ["domain", "add", "--all", "--group", testGroup, "--algorithm", "ed25519"]

  @Test func listServedShowsEveryDomainAndAlias() throws {
    let tree = try ServedSandbox()
    defer { tree.remove() }
    let list = try tree.sandbox.run(["domain", "list", "--served"])
    #expect(list.status == 0, "\(list)")
    let lines = list.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.count == 120)
    #expect(lines.first == "a000.example alias-of d000.example assign:21")
    #expect(lines.contains("d000.example no-key rcpthosts:5 virtualdomains:23 assign:1"))
    #expect(lines.contains("d040.example no-key morercpthosts.cdb:1"))
    #expect(list.stderrText.contains("rcpthosts:4:1: warning: wildcard .wild.example"))
    #expect(list.stderrText.contains("morercpthosts.cdb:41:1: warning: wildcard .wild2.example"))
    #expect(
      list.stderrText.hasSuffix(
        "toaster-dk: 120 domains served: 0 with keys, 115 without, 5 aliases; make the missing"
          + " keys with toaster-dk domain add --missing\n"))
  }

  @Test func addAllMakesExactlyTheExpectedKeysAndIsIdempotent() throws {
    let tree = try ServedSandbox()
    defer { tree.remove() }
    try tree.sandbox.directory.write("in the way\n", to: "\(ServedSandbox.keys)/d057.example")
    let first = try tree.sandbox.run(Self.add + ["-q"])
    #expect(first.status == 73, "\(first)")
    #expect(tree.keyDirectories() == ServedSandbox.realDomains)
    var info = stat()
    #expect(lstat(tree.sandbox.join("\(ServedSandbox.keys)/d057.example"), &info) == 0)
    #expect(info.st_mode & S_IFMT == S_IFREG)
    for domain in ServedSandbox.realDomains where domain != "d057.example" {
      let key = tree.sandbox.join("\(ServedSandbox.keys)/\(domain)/private")
      #expect(FileManager.default.fileExists(atPath: key), "\(domain)")
    }
    #expect(
      first.stderrText.hasPrefix(
        "toaster-dk: error: d057.example: \(tree.sandbox.join(ServedSandbox.keys))/d057.example"
          + " is not a directory"))
    #expect(
      first.stderrText.hasSuffix(
        "toaster-dk: error: 1 of 120 domains failed: d057.example\n"))
    #expect(
      first.stdoutText.components(separatedBy: "\tIN\tTXT\t\"v=DKIM1; k=ed25519").count == 115)

    let before = try tree.treeState()
    let second = try tree.sandbox.run(Self.add)
    #expect(second.status == 73)
    #expect(try tree.treeState() == before)
    #expect(
      second.stderrText.contains(
        "toaster-dk: unchanged \(tree.sandbox.join(ServedSandbox.keys))/d000.example/private\n"))
    #expect(
      second.stderrText.contains(
        "toaster-dk: a000.example: alias of d000.example, no key of its own"))
    #expect(second.stdoutText == first.stdoutText)

    try FileManager.default.removeItem(
      atPath: tree.sandbox.join("\(ServedSandbox.keys)/d057.example"))
    let dry = try tree.sandbox.run(
      Self.add.map { $0 == "--all" ? "--missing" : $0 } + ["--dry-run", "--json"])
    #expect(dry.status == 0 && dry.stderr.isEmpty)
    #expect(
      dry.stdoutText.contains(
        "{\"domain\":\"d057.example\",\"key_path\":\"\(tree.sandbox.join(ServedSandbox.keys))/d057.example/private\",\"status\":\"would-create\"}"
      ))
    #expect(dry.stdoutText.components(separatedBy: "\"status\":\"exists\"").count == 115)
    #expect(
      !FileManager.default.fileExists(
        atPath: tree.sandbox.join("\(ServedSandbox.keys)/d057.example")))
    let missing = try tree.sandbox.run(Self.add.map { $0 == "--all" ? "--missing" : $0 })
    #expect(missing.status == 0, "\(missing)")
    #expect(missing.stdoutText.hasPrefix("; DKIM-only key, selector private (ed25519)"))
    #expect(missing.stdoutText.components(separatedBy: "._domainkey.").count == 2)
    #expect(tree.keyDirectories() == ServedSandbox.realDomains)
  }

  /// `--all` prints the records of all 115 domains, which named-checkzone and tinydns-data load.
  @Test(
    .enabled(
      if: RealBinary.find("named-checkzone") != nil && RealBinary.find("tinydns-data") != nil,
      "not installed: named-checkzone (bind9-utils) or tinydns-data (tinydns)"))
  func recordsOfEveryDomainLoadInTheDNSServers() throws {
    let tree = try ServedSandbox()
    defer { tree.remove() }
    let made = try tree.sandbox.run(Self.add + ["-q"])
    #expect(made.status == 0, "\(made)")
    let bind = try tree.sandbox.run(Self.add + ["-q", "--format", "bind"])
    #expect(bind.status == 0, "\(bind)")
    let zone = try TempDirectory()
    defer { zone.remove() }
    try zone.write(
      "$TTL 3600\n@ IN SOA ns1 hostmaster 1 3600 600 86400 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
        + bind.stdoutText, to: "zone")
    let checked = try ProcessRunner.run(
      try #require(RealBinary.find("named-checkzone")),
      ["-q", "-D", "-o", "-", "example", zone.join("zone")])
    #expect(checked.status == 0, "\(checked)")
    let keyNames = checked.stdoutText.split(separator: "\n").compactMap { line in
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      return fields.count > 4 && fields[3] == "TXT" && fields[4] == "\"v=DKIM1;"
        ? String(fields[0]) : nil
    }
    #expect(keyNames == ServedSandbox.realDomains.map { "private._domainkey.\($0)." })
    let tinydns = try tree.sandbox.run(Self.add + ["-q", "--format", "tinydns"])
    #expect(tinydns.status == 0)
    #expect(tinydns.stdoutText.components(separatedBy: "\n'private._domainkey.").count == 116)
    let dns = try TempDirectory()
    defer { dns.remove() }
    try dns.write(tinydns.stdoutText, to: "data")
    let compiled = try ProcessRunner.run(
      try #require(RealBinary.find("tinydns-data")), [], currentDirectory: dns.path)
    #expect(compiled.status == 0, "\(compiled)")
    #expect(FileManager.default.fileExists(atPath: dns.join("data.cdb")))
  }

  @Test func aBadLineInADomainListChangesNothing() throws {
    let tree = try ServedSandbox()
    defer { tree.remove() }
    let rcpthosts = tree.sandbox.join("\(ServedSandbox.control)/rcpthosts")
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: rcpthosts))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("bad name.example\n".utf8))
    try handle.close()
    let result = try tree.sandbox.run(Self.add + ["-q"])
    #expect(result.status == 65)
    #expect(
      tree.sandbox.transcript(result) == """
        exit 65
        --- stdout
        --- stderr
        $ROOT/var/qmail/control/rcpthosts:45:1: error: not a domain name: " " is not allowed (only letters, digits, - and dots between labels)
        bad name.example
        ^
        toaster-dk: error: fix or comment out the lines above first; nothing was changed

        """)
    #expect(tree.keyDirectories().isEmpty)
  }
}
