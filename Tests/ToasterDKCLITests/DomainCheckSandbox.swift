import Foundation
import TestSupport
import Testing

/// A sandbox whose tcp.smtp signs with selector `private`, with helpers to publish its
/// records on a loopback DNS server and run `domain check` against it.
struct DomainCheckSandbox {
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    :allow,DKVERIFY="DEGIJKfh"

    """

  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(rules: Self.rules)
  }

  func remove() { sandbox.remove() }

  /// `domain add DOMAIN` with `options` (the key is made in the sandbox).
  func add(_ domain: String = "example.com", _ options: [String] = []) throws {
    let add = try sandbox.run(["domain", "add", domain, "--group", testGroup, "-q"] + options)
    #expect(add.status == 0, "\(add)")
  }

  /// What `domain dns DOMAIN --format FORMAT` prints.
  func records(_ domain: String = "example.com", format: String, _ options: [String] = [])
    throws -> String
  {
    let dns = try sandbox.run(["domain", "dns", domain, "--format", format] + options)
    #expect(dns.status == 0, "\(dns)")
    return dns.stdoutText
  }

  /// The key record's value, as `--format plain` prints it.
  func keyValue(_ domain: String = "example.com") throws -> String {
    try records(domain, format: "plain").trimmingCharacters(in: .newlines)
  }

  /// `domain check` against `server`, with a short deadline.
  func check(_ server: LoopbackDNS, _ arguments: [String] = []) throws -> ProcessResult {
    try sandbox.run(
      ["domain", "check", "--dns-server", server.server, "--dns-timeout", "1.5"] + arguments)
  }

  /// A tinydns-data file: the zone's SOA/NS, then `lines`.
  static func tinydnsData(_ lines: String) -> String {
    ".example.com::ns1.example.com:3600\n" + lines
  }
}

/// The findings of one severity in a `domain check` transcript, as `LABEL: MESSAGE` lines.
func findingLines(_ result: ProcessResult, _ label: String) -> [String] {
  result.stdoutText.split(separator: "\n").map(String.init).filter {
    $0.hasPrefix("  \(label): ")
  }
}
