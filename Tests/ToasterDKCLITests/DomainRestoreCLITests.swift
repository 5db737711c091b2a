import Foundation
import TestSupport
import Testing

@Suite struct DomainRestoreCLITests {
  static let keys = "var/qmail/control/domainkeys"

  @Test func restoreUndoesRemoveAndListsChoicesWhenAmbiguous() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let add = [
      "domain", "add", "example.com", "--group", testGroup, "-q", "--algorithm", "ed25519",
    ]
    #expect(try sandbox.run(add).status == 0)
    let key = try sandbox.directory.read("\(Self.keys)/example.com/private")
    #expect(try sandbox.run(["domain", "remove", "example.com", "--yes", "-q"]).status == 0)
    let restored = try sandbox.run(["domain", "restore", "example.com", "--group", testGroup])
    #expect(restored.status == 0, "\(restored)")
    #expect(try sandbox.directory.read("\(Self.keys)/example.com/private") == key)
    let stamp = #/\.[0-9]{8}T[0-9]{6}Z/#
    #expect(
      sandbox.transcript(restored).replacing(stamp, with: ".STAMP") == """
        exit 0
        --- stdout
        --- stderr
        toaster-dk: restored $ROOT/\(Self.keys)/example.com/private.txt from $ROOT/\(Self.keys)/.removed/example.com.STAMP/private.txt
        toaster-dk: restored $ROOT/\(Self.keys)/example.com/private from $ROOT/\(Self.keys)/.removed/example.com.STAMP/private

        """)
    let again = try sandbox.run(["domain", "restore", "example.com", "--group", testGroup])
    #expect(again.status == 66)
    #expect(
      again.stderrText.hasPrefix("toaster-dk: error: no removed key of example.com to restore"))
    for _ in 0..<2 {
      #expect(try sandbox.run(["domain", "remove", "example.com", "--yes", "-q"]).status == 0)
      #expect(try sandbox.run(add).status == 0)
    }
    #expect(try sandbox.run(["domain", "remove", "example.com", "--yes", "-q"]).status == 0)
    let ambiguous = try sandbox.run([
      "domain", "restore", "example.com", "--json", "--group", testGroup,
    ])
    #expect(ambiguous.status == 64)
    #expect(
      ambiguous.stderrText.replacing(#/[0-9]{8}T[0-9]{6}Z(\.[0-9]+)?/#, with: "STAMP")
        == "toaster-dk: error: several removed keys of example.com: STAMP (whole domain),"
        + " STAMP (whole domain), STAMP (whole domain): choose one with --from STAMP"
        + " (and --selector S)\n")
  }
}
