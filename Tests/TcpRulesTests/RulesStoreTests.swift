import Foundation
import TestSupport
import Testing

@testable import TcpRules

/// The store's file handling, in a fresh temp directory per test.
@Suite struct RulesStoreTests {
  // A write through any link is refused, naming the link; the target stays as it was.
  @Test func editThroughASymlinkIsRefusedNamingTheLink() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "real/tcp.smtp")
    try FileManager.default.createDirectory(
      atPath: tmp.join("etc"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: tmp.join("etc/tcp.smtp"), withDestinationPath: tmp.join("real/tcp.smtp"))
    let store = RulesStore(
      rulesPath: tmp.join("etc/tcp.smtp"), cdbPath: tmp.join("etc/tcp.smtp.cdb"))
    let error = #expect(throws: (any Error).self) {
      try store.edit { try $0.set("X", to: "1", on: .allowRules) }
    }
    #expect(
      "\(error.map { "\($0)" } ?? "")".hasPrefix(
        "unable to write through \(tmp.join("etc/tcp.smtp")): it is a symbolic link to "
          + tmp.join("real/tcp.smtp")))
    #expect(try tmp.read("real/tcp.smtp") == Array(":allow\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.join("real")) == ["tcp.smtp"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.join("etc")) == ["tcp.smtp"])
  }

  // Issue 7 items 1 and 3: a cdb that cannot be renamed in (a directory in its place) used
  // to leave tcp.smtp edited and the backup replaced, and the next run said "unchanged".
  @Test func cdbThatCannotBeReplacedLeavesTcpSmtpAndBackupAsTheyWere() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "tcp.smtp")
    try tmp.write("# older backup\n", to: "tcp.smtp.bak")
    try FileManager.default.createDirectory(
      atPath: tmp.join("tcp.smtp.cdb"), withIntermediateDirectories: false)
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    let edit = { try store.edit { try $0.set("X", to: "1", on: .allowRules) } }
    do {
      _ = try edit()
      Issue.record("edit with a directory in place of the cdb succeeded")
    } catch TcpRulesError.editNotApplied(let cause, let state) {
      #expect(cause.path == tmp.join("tcp.smtp.cdb"))
      #expect(state == "\(tmp.join("tcp.smtp")) was put back as it was, so nothing changed")
    }
    #expect(try tmp.read("tcp.smtp") == Array(":allow\n".utf8))
    #expect(try tmp.read("tcp.smtp.bak") == Array("# older backup\n".utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
        == ["tcp.smtp", "tcp.smtp.bak", "tcp.smtp.cdb"])
    try FileManager.default.removeItem(atPath: tmp.join("tcp.smtp.cdb"))
    let outcome = try edit()
    #expect(outcome.written && outcome.records == 1)
    #expect(try tmp.read("tcp.smtp.bak") == Array(":allow\n".utf8))
    #expect(try store.report().cdbState == .current)
  }

  @Test func cdbThatCannotBeWrittenChangesNothing() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "tcp.smtp")
    try tmp.write("# older backup\n", to: "tcp.smtp.bak")
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("none/tcp.smtp.cdb"))
    #expect(throws: (any Error).self) {
      try store.edit { try $0.set("X", to: "1", on: .allowRules) }
    }
    #expect(try tmp.read("tcp.smtp") == Array(":allow\n".utf8))
    #expect(try tmp.read("tcp.smtp.bak") == Array("# older backup\n".utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
        == ["tcp.smtp", "tcp.smtp.bak"])
  }

  // Issue 7 item 2: an edit that changes nothing used to leave a missing or stale cdb so.
  @Test func unchangedEditRecompilesAMissingOrStaleCdb() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow,X=\"1\"\n", to: "tcp.smtp")
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    let edit = { try store.edit { try $0.set("X", to: "1", on: .allowRules) } }
    let missing = try edit()
    #expect(!missing.written && missing.cdbWas == .missing && missing.records == 1)
    #expect(try store.report().cdbState == .current)
    let other = RulesStore(rulesPath: tmp.join("other"), cdbPath: tmp.join("tcp.smtp.cdb"))
    try tmp.write(":deny\n", to: "other")
    try other.compile()
    let stale = try edit()
    #expect(!stale.written && stale.cdbWas == .stale && stale.records == 1)
    #expect(try store.report().cdbState == .current)
    let current = try edit()
    #expect(!current.written && current.cdbWas == nil && current.records == nil)
    try FileManager.default.removeItem(atPath: tmp.join("tcp.smtp.cdb"))
    let uncompiled = try store.edit(recompile: false) {
      try $0.set("X", to: "1", on: .allowRules)
    }
    #expect(uncompiled.cdbWas == .missing && uncompiled.records == nil)
    #expect(!FileManager.default.fileExists(atPath: tmp.join("tcp.smtp.cdb")))
  }

  // Issue 7 item 4: --cdb naming tcp.smtp or its backup, by any name, is refused.
  @Test(arguments: ["tcp.smtp", "./tcp.smtp", "tcp.smtp.bak", "alias", "bak-alias"])
  func cdbThatIsTheRulesFileOrItsBackupIsRefused(cdb: String) throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(":allow\n", to: "tcp.smtp")
    try tmp.write("# backup\n", to: "tcp.smtp.bak")
    link(tmp.join("tcp.smtp"), tmp.join("alias"))
    link(tmp.join("tcp.smtp.bak"), tmp.join("bak-alias"))
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.path + "/" + cdb)
    let file = cdb.contains("bak") ? tmp.join("tcp.smtp.bak") : tmp.join("tcp.smtp")
    let refusal = TcpRulesError.cdbIsRulesFile(cdb: store.cdbPath, file: file)
    #expect(throws: refusal) { try store.compile() }
    #expect(throws: refusal) { try store.edit { try $0.set("X", to: "1", on: .allowRules) } }
    #expect(try tmp.read("tcp.smtp") == Array(":allow\n".utf8))
    #expect(try tmp.read("tcp.smtp.bak") == Array("# backup\n".utf8))
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
