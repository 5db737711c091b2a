import Foundation
import TestSupport
import Testing
import ToasterSupport

private struct WriterFailure: Error {}

@Suite struct AtomicFileTests {
  private func entries(_ tmp: TempDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
  }

  @Test func createsFileWithDefaultMode() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let directory = try Directory(path: tmp.path)
    let changed = try AtomicFile.write(Array("hello\n".utf8), named: "f", in: directory)
    #expect(changed)
    #expect(try tmp.read("f") == Array("hello\n".utf8))
    let mode = try #require(try directory.status(of: "f")).st_mode & 0o7777
    #expect(mode == AtomicFile.defaultMode)
    #expect(try entries(tmp) == ["f"])
  }

  @Test func unchangedBytesAreNotRewritten() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let directory = try Directory(path: tmp.path)
    try AtomicFile.write(Array("a".utf8), named: "f", in: directory)
    let before = try #require(try directory.status(of: "f"))
    let changed = try AtomicFile.write(Array("a".utf8), named: "f", in: directory)
    let after = try #require(try directory.status(of: "f"))
    #expect(!changed)
    #expect(before.st_ino == after.st_ino)
  }

  @Test func keepsExistingModeWhenNoneGiven() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write("old", to: "f")
    chmod(tmp.join("f"), 0o640)
    let directory = try Directory(path: tmp.path)
    try AtomicFile.write(Array("new".utf8), named: "f", in: directory)
    #expect(try #require(try directory.status(of: "f")).st_mode & 0o7777 == 0o640)
  }

  @Test func appliesExplicitRestrictiveMode() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let directory = try Directory(path: tmp.path)
    try AtomicFile.write(
      Array("secret".utf8), named: "key", in: directory,
      permissions: FilePermissions(mode: 0o440, group: getgid()))
    let info = try #require(try directory.status(of: "key"))
    #expect(info.st_mode & 0o7777 == 0o440)
    #expect(info.st_gid == getgid())
  }

  @Test func failingWriterLeavesOldFileAndNoTemp() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write("old", to: "f")
    let directory = try Directory(path: tmp.path)
    #expect(throws: WriterFailure.self) {
      try AtomicFile.replace(named: "f", in: directory) { fd, path in
        try FileDescriptorIO.writeAll(fd, Array("partial".utf8), path: path)
        throw WriterFailure()
      }
    }
    #expect(try tmp.read("f") == Array("old".utf8))
    #expect(try entries(tmp) == ["f"])
  }

  @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
  func readOnlyDirectoryGivesSystemErrorNamingTheFile() throws {
    let tmp = try TempDirectory()
    defer {
      chmod(tmp.path, 0o755)
      tmp.remove()
    }
    chmod(tmp.path, 0o555)
    let directory = try Directory(path: tmp.path)
    #expect(throws: SystemError.self) {
      try AtomicFile.write(Array("x".utf8), named: "f", in: directory)
    }
  }
}

@Suite struct AbandonedTempTests {
  @Test func tempOfADeadWriterIsRemovedButALiveOneIsKept() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    // pid 2^22+1 is above Linux's pid_max default, so no such process exists.
    try tmp.write("partial", to: ".f.tmp.4194305.123")
    try tmp.write("in use", to: ".f.tmp.1.456")
    let directory = try Directory(path: tmp.path)
    try AtomicFile.write(Array("new".utf8), named: "f", in: directory)
    #expect(try directory.entryNames() == [".f.tmp.1.456", "f"])
  }
}
