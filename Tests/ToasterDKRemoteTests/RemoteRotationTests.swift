import DKEngine
import Foundation
import TestSupport
import Testing

/// `rotate switch` moves the queue-exit signer too: after it, toaster-dk-remote (run as
/// qmail-rspawn runs qmail-remote) signs a switched domain with the new selector and a
/// domain held back by `--only` with the old one, and dkimpy verifies both.
@Suite(.serialized) struct RemoteRotationTests {
  static let rules = """
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"

    """
  static let group = String(getegid())

  private func toasterDK(_ box: RemoteSandbox, _ arguments: [String]) throws -> ProcessResult {
    let result = try BuiltBinary.run(arguments + ["--root", box.root])
    try #require(result.status == 0, "\(arguments): \(result)")
    return result
  }

  private func message(from domain: String) -> [UInt8] {
    Array(
      String(decoding: RemoteSandbox.message, as: UTF8.self).replacingOccurrences(
        of: "alice@example.com", with: "alice@\(domain)"
      ).utf8)
  }

  /// The DKIM-Signature's s= and dkimpy's verdict with the key file's record as `selector`.
  private func signed(
    _ box: RemoteSandbox, from domain: String, selector: String, key: String
  ) throws -> (selector: String?, verdict: [String]?) {
    let run = try box.run(
      message(from: domain), arguments: ["example.net", "alice@\(domain)", "bob@example.net"]
    ).run
    let text = String(decoding: run.message ?? [], as: UTF8.self)
    let field = text.components(separatedBy: "\n\n").first ?? ""
    let used = field.range(of: #"s=[a-z0-9]+;"#, options: .regularExpression).map {
      String(field[$0].dropFirst(2).dropLast())
    }
    guard DKIMPeers.missing == nil, let signedMessage = run.message else { return (used, nil) }
    let pem = try Data(contentsOf: URL(fileURLWithPath: "\(box.keys)/\(domain)/\(key)"))
    let record = try LocalKeyResolver.record(fromPEM: Array(pem))
    let verdict = try DKIMPeers.dkimpy(
      signedMessage, records: ["\(selector)._domainkey.\(domain)": record])
    return (used, verdict)
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func switchMovesTheRemoteSignerToTheNewSelectorAndHeldDomainsStayOnTheOld() throws {
    let box = try RemoteSandbox()
    defer { box.remove() }
    try box.sandbox.directory.write(Self.rules, to: "etc/tcprules.d/tcp.smtp")
    for domain in ["example.com", "example.org"] {
      _ = try toasterDK(
        box,
        [
          "domain", "add", domain, "--group", Self.group, "--bits", "1024", "--legacy-key-size",
          "-q",
        ])
    }
    _ = try toasterDK(box, ["rules", "compile", "-q"])
    // The stock layout: the test qmail-remote as bin/qmail-remote; install keeps it as .orig.
    try FileManager.default.moveItem(
      atPath: box.join("var/qmail/bin/qmail-remote.orig"),
      toPath: box.join("var/qmail/bin/qmail-remote"))
    _ = try toasterDK(
      box,
      [
        "remote", "install", "--launcher", box.launcher, "--remote-user", "nobody", "--group",
        Self.group, "-q",
      ])
    #expect(
      try signed(box, from: "example.com", selector: "private", key: "private").selector
        == "private")
    _ = try toasterDK(
      box,
      [
        "rotate", "start", "--selector", "s202612", "--group", Self.group, "--bits", "1024",
        "--legacy-key-size", "-q",
      ])
    // Before the switch the signer still uses the old selector.
    #expect(
      try signed(box, from: "example.com", selector: "private", key: "private").selector
        == "private")
    let switched = try toasterDK(box, ["rotate", "switch", "--force", "--only", "example.com"])
    #expect(switched.stderrText.contains("remote-selectors"), "\(switched)")
    let new = try signed(box, from: "example.com", selector: "s202612", key: "s202612")
    #expect(new.selector == "s202612")
    if let verdict = new.verdict { #expect(verdict == ["pass"]) }
    // example.org is held: qmail-dk leaves it unsigned, the queue-exit signer keeps the old key.
    let held = try signed(box, from: "example.org", selector: "private", key: "private")
    #expect(held.selector == "private")
    if let verdict = held.verdict { #expect(verdict == ["pass"]) }
    // Released by the next switch, it moves to the new selector as well.
    _ = try toasterDK(box, ["rotate", "switch", "--force"])
    let released = try signed(box, from: "example.org", selector: "s202612", key: "s202612")
    #expect(released.selector == "s202612")
    if let verdict = released.verdict { #expect(verdict == ["pass"]) }
  }
}
