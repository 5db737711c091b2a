import Foundation
import TestSupport
import Testing
import ToasterSupport

@Suite struct DirectoryTests {
  @Test func subdirectoryRefusesSymbolicLink() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try FileManager.default.createDirectory(
      atPath: tmp.join("real"), withIntermediateDirectories: true)
    symlink(tmp.join("real"), tmp.join("link"))
    let directory = try Directory(path: tmp.path)
    #expect(throws: SystemError.self) { try directory.subdirectory("link") }
    #expect(try directory.subdirectory("real").path == tmp.join("real"))
  }

  @Test func subdirectoryCreatesWithMode() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let directory = try Directory(path: tmp.path)
    _ = try directory.subdirectory("new", create: 0o750)
    #expect(try #require(try directory.status(of: "new")).st_mode & 0o777 == 0o750)
  }

  @Test func missingFileReadNamesThePath() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let directory = try Directory(path: tmp.path)
    let error = #expect(throws: SystemError.self) { try directory.readFile("absent") }
    #expect(error?.description == "unable to open \(tmp.join("absent")): no such file or directory")
    #expect(error?.isNotFound == true)
  }
}
