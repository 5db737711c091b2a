import Foundation
import TestSupport
import Testing
import ToasterSupport

@Suite struct MappedFileTests {
  @Test func mapsAFileAndKeepsItReadableAfterRelease() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    for size in [300_000, MappedFile.mappingThreshold, 3_000_001] {
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
      try tmp.write(bytes, to: "message.eml")
      let file = try MappedFile(path: tmp.join("message.eml"))
      #expect(Array(file.bytes) == bytes)
      file.release(0..<bytes.count)
      file.release(5..<70_000)
      file.release(bytes.count..<bytes.count)
      #expect(Array(file.bytes) == bytes)
    }
  }

  @Test func standardInputReadPartWayIsReadOnFromThere() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let bytes = (0..<2_000_000).map { UInt8(truncatingIfNeeded: $0 &* 3) }
    try tmp.write(bytes, to: "message.eml")
    let fd = open(tmp.join("message.eml"), O_RDONLY)
    defer { close(fd) }
    #expect(lseek(fd, 10, SEEK_SET) == 10)
    let file = try MappedFile(descriptor: fd, path: "standard input")
    #expect(Array(file.bytes) == Array(bytes.dropFirst(10)))
  }

  @Test func emptyFileGivesNoBytes() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write([], to: "empty")
    let file = try MappedFile(path: tmp.join("empty"))
    #expect(file.bytes.isEmpty)
    file.release(0..<0)
  }

  @Test func readsAPipeToTheEnd() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
    let writeEnd = fds[1]
    let writer = Thread {
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let count = write(writeEnd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
          if count <= 0 { break }
          offset += count
        }
      }
      close(writeEnd)
    }
    writer.start()
    let file = try MappedFile(descriptor: fds[0], path: "standard input")
    close(fds[0])
    #expect(Array(file.bytes) == bytes)
  }

  @Test func missingFileNamesThePath() throws {
    let error = #expect(throws: SystemError.self) {
      try MappedFile(path: "/nonexistent/message.eml")
    }
    #expect(
      error?.description == "unable to open /nonexistent/message.eml: no such file or directory")
    #expect(error?.isNotFound == true)
  }
}
