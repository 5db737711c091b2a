import Foundation
import TestSupport
import Testing

@testable import TcpRules

/// The store's file handling, in a fresh temp directory per test.
@Suite struct RulesStoreTests {
  @Test func editThroughASymlinkRewritesTheTargetAndKeepsTheLink() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "real/tcp.smtp")
    try FileManager.default.createDirectory(
      atPath: tmp.join("etc"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: tmp.join("etc/tcp.smtp"), withDestinationPath: tmp.join("real/tcp.smtp"))
    let store = RulesStore(
      rulesPath: tmp.join("etc/tcp.smtp"), cdbPath: tmp.join("etc/tcp.smtp.cdb"))
    let outcome = try store.edit { try $0.set("X", to: "1", on: .allowRules) }
    #expect(outcome.written && outcome.records == 1)
    #expect(try tmp.read("real/tcp.smtp") == Array(":allow,X=\"1\"\n".utf8))
    #expect(try tmp.read("real/tcp.smtp.bak") == Array(":allow\n".utf8))
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: tmp.join("etc/tcp.smtp"))
    #expect(link == tmp.join("real/tcp.smtp"))
  }

  @Test func editKeepsModeOfTcpSmtpAndCompilesFromTheNewBytes() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write("127.:allow\n", to: "tcp.smtp")
    chmod(tmp.join("tcp.smtp"), 0o600)
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    try store.edit { try $0.set("RELAYCLIENT", to: "", on: .allowRules) }
    let mode = try FileManager.default.attributesOfItem(atPath: tmp.join("tcp.smtp"))[
      .posixPermissions]
    #expect(mode as? Int == 0o600)
    #expect(try store.report().cdbState == .current)
    #expect(
      try store.check(Connection(ip: "127.0.0.1")).lookup.tcprulescheckOutput
        == Array("rule 127.:\nset environment variable RELAYCLIENT=\nallow connection\n".utf8))
  }

  // An edit whose write failed after the backup leaves tcp.smtp.bak and tcp.smtp as one
  // file; rename between two names of one file does nothing, and must not leave the temp.
  @Test func backupOverASameFileBackupLeavesNoTemp() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "tcp.smtp")
    link(tmp.join("tcp.smtp"), tmp.join("tcp.smtp.bak"))
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    try store.edit { try $0.set("X", to: "1", on: .allowRules) }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
        == ["tcp.smtp", "tcp.smtp.bak", "tcp.smtp.cdb"])
    #expect(try tmp.read("tcp.smtp.bak") == Array(":allow\n".utf8))
  }

  @Test func failedChangeWritesNothing() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "tcp.smtp")
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    #expect(throws: TcpRulesError.self) {
      try store.edit { try $0.set("X", to: "1", on: .addresses([Address("9.9.9.9")])) }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["tcp.smtp"])
  }
}
