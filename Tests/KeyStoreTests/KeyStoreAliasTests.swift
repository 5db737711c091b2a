import Foundation
import KeyStore
import Testing

/// vpopmail admins link an alias domain's key directory to the real domain's.
///
/// qmail-dk follows the link and signs. toaster-dk reads through it and never writes through it.
@Suite struct KeyStoreAliasTests {
  func tree(link target: String) throws -> KeySandbox {
    let box = try KeySandbox()
    try box.add("real.example")
    try FileManager.default.createSymbolicLink(
      atPath: box.path("alias.example"), withDestinationPath: target)
    return box
  }

  @Test(arguments: ["real.example", "./real.example", "../domainkeys/real.example", "ABSOLUTE"])
  func linkBesideTheRealDomainIsAnAlias(target: String) throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("real.example")
    try FileManager.default.createSymbolicLink(
      atPath: box.path("alias.example"),
      withDestinationPath: target == "ABSOLUTE" ? box.path("real.example") : target)
    let inventory = try box.store.inventory(
      group: box.ownership.groupName, signerNames: box.signers)
    #expect(inventory.problems == [])
    #expect(inventory.domains.map(\.name) == ["alias.example", "real.example"])
    #expect(inventory.domains[0].aliasOf == "real.example")
    #expect(InventoryRenderer.text(inventory).hasPrefix("alias.example alias of real.example\n"))
    let records = try box.store.records(
      domain: DomainName("alias.example"), selector: .toasterDefault, options: RecordOptions())
    let real = try box.store.records(
      domain: DomainName("real.example"), selector: .toasterDefault, options: RecordOptions())
    #expect(records.key.name == "private._domainkey.alias.example")
    #expect(records.key.value == real.key.value)
    let shown = try box.store.inventory(
      domain: DomainName("alias.example"), group: box.ownership.groupName, signerNames: box.signers)
    #expect(
      InventoryRenderer.text(shown, records: try RecordOptions()).contains(
        "private._domainkey.alias.example.\t3600\tIN\tTXT"))
  }

  @Test func neverWritesThroughAnAlias() throws {
    let box = try tree(link: "real.example")
    defer { box.remove() }
    let aliasError = KeyStoreError.aliasLink(
      path: box.path("alias.example"), target: "real.example")
    #expect(throws: aliasError) { try box.add("alias.example", selector: "s2") }
    #expect(throws: aliasError) {
      try box.store.remove(
        domain: DomainName("alias.example"), selector: .toasterDefault, confirmed: true,
        timestamp: 0)
    }
    #expect(!FileManager.default.fileExists(atPath: box.path("real.example/s2")))
    let audit = try box.store.fixPermissions(
      domain: nil, ownership: box.ownership, signerNames: box.signers, dryRun: false)
    #expect(
      audit.warnings == ["\(box.path("alias.example")): alias of real.example (a link), left alone"]
    )
  }

  @Test(arguments: ["/etc", "../../../..", "missing.example", "alias.example"])
  func linkElsewhereIsNoAlias(target: String) throws {
    let box = try tree(link: target)
    defer { box.remove() }
    let inventory = try box.store.inventory(
      group: box.ownership.groupName, signerNames: box.signers)
    #expect(inventory.domains.map(\.name) == ["real.example"])
    #expect(inventory.problems.count == 1)
    #expect(throws: KeyStoreError.self) {
      try box.store.records(
        domain: DomainName("alias.example"), selector: .toasterDefault, options: RecordOptions())
    }
  }
}

@Suite struct KeyStoreSelectorCaseTests {
  @Test func addKeepsTheSelectorsCase() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    let result = try box.add("example.com", selector: "Mail2026")
    #expect(result.keyPath == box.path("example.com/Mail2026"))
    #expect(result.records.key.name == "Mail2026._domainkey.example.com")
    #expect(FileManager.default.fileExists(atPath: box.path("example.com/Mail2026.txt")))
  }

  @Test func keyDifferingOnlyInCaseFromADKSIGNSelectorIsFlagged() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com", selector: "mail2026", bits: 2048)
    try box.add("example.com", selector: "private", bits: 2048)
    let problems = try box.store.inventory(
      group: box.ownership.groupName, signerNames: box.signers,
      templateSelectors: ["Mail2026", "private"]
    ).allProblems
    #expect(
      problems == [
        "\(box.path("example.com/mail2026")): selector mail2026 differs only in case from"
          + " Mail2026 in tcp.smtp's DKSIGN: qmail-dk keeps the template's case and looks for"
          + " a key named Mail2026, so this key is never used: run toaster-dk rules set-sign"
          + " --selector mail2026 to sign with it"
      ])
  }
}
