import Foundation
import TestSupport
import Testing

@Suite(
  .enabled(if: RealBinary.find("cdb") != nil, "not installed: cdb (tinycdb), to make the cdb"))
struct SnapshotCLITests {
  @Test func aSnapshotServesAsRootAndKeepsNoLinkOut() throws {
    let tree = try ServedSandbox()
    defer { tree.remove() }
    let keys = tree.sandbox.join(ServedSandbox.keys)
    try FileManager.default.createSymbolicLink(
      atPath: keys + "/a000.example", withDestinationPath: keys + "/d000.example")
    try FileManager.default.createSymbolicLink(
      atPath: keys + "/a001.example", withDestinationPath: "/\(ServedSandbox.keys)/d001.example")
    let out = try TempDirectory(prefix: "snapshot-cli")
    defer { out.remove() }
    let copy = out.join("copy")
    let snapshot = try tree.sandbox.run(["snapshot", copy])
    #expect(snapshot.status == 0, "\(snapshot)")
    #expect(
      tree.sandbox.transcript(snapshot) == """
        exit 0
        --- stdout
        --- stderr
        toaster-dk: warning: not copied: $ROOT/\(ServedSandbox.keys)/a001.example is a link to /\(ServedSandbox.keys)/d001.example, outside what the snapshot holds
        toaster-dk: copied 7 files, 10 directories and 2 links into \(copy); use --root \(copy)

        """)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(
        atPath: copy + "/\(ServedSandbox.keys)/a000.example")
        == "d000.example")
    let live = try tree.sandbox.run(["domain", "list", "--served"])
    let copied = try BuiltBinary.run(["domain", "list", "--served", "--root", copy])
    #expect(copied.stdout == live.stdout)
    #expect(
      copied.stderrText.replacingOccurrences(of: copy, with: "$ROOT")
        == tree.sandbox.transcript(live).components(separatedBy: "--- stderr\n").last)
    let again = try tree.sandbox.run(["snapshot", copy])
    #expect(again.status == 73)
  }
}
