import Foundation
import TestSupport
import Testing
import ToasterSupport

@Suite struct MessagePathsTests {
  @Test func maildirGivesCurThenNewSortedAndSkipsTmp() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let names = ["new/2.b", "new/1.a", "cur/9.z:2,S", "cur/3.c:2,", "tmp/0.partial", "cur/.hidden"]
    for name in names {
      try tmp.write("From: a@b\n\nx\n", to: "Maildir/" + name)
    }
    try FileManager.default.createDirectory(
      atPath: tmp.join("Maildir/.Sent/cur"), withIntermediateDirectories: true)
    let paths = try MessagePaths.expand([tmp.join("Maildir")])
    let expected = ["cur/3.c:2,", "cur/9.z:2,S", "new/1.a", "new/2.b"]
    #expect(paths == expected.map { tmp.join("Maildir/" + $0) })
  }

  @Test func plainDirectoryGivesRegularFilesSorted() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    for name in ["b.eml", "a.eml", "10.eml", "sub/inner.eml", ".DS_Store"] {
      try tmp.write("x", to: "mail/" + name)
    }
    #expect(
      try MessagePaths.expand([tmp.join("mail")])
        == ["10.eml", "a.eml", "b.eml"].map { tmp.join("mail/" + $0) })
  }

  @Test func filesDashAndMissingPathsAreKeptInOrder() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write("x", to: "one.eml")
    try tmp.write("y", to: "dir/two.eml")
    let arguments = [tmp.join("one.eml"), "-", tmp.join("dir"), tmp.join("absent")]
    #expect(
      try MessagePaths.expand(arguments)
        == [tmp.join("one.eml"), "-", tmp.join("dir/two.eml"), tmp.join("absent")])
  }

  @Test func emptyMaildirGivesNothing() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    for part in ["cur", "new", "tmp"] {
      try FileManager.default.createDirectory(
        atPath: tmp.join("Maildir/" + part), withIntermediateDirectories: true)
    }
    #expect(try MessagePaths.expand([tmp.join("Maildir")]).isEmpty)
  }
}
