import Foundation
import TcpRules
import TestSupport
import Testing

/// `rules check` and every edit command against the real tcprulescheck and tcprules.
@Suite(
  .enabled(
    if: RealBinary.missingReason("tcprules", "tcprulescheck") == nil,
    "ucspi-tcp's tcprules and tcprulescheck are not installed"))
struct TcprulescheckInteropTests {
  private static let rules = """
    # lookup-order fixture
    joe@1.2.3.4:allow,WHO="joe at ip"
    joe@=mail.example.com:allow,WHO="joe at host"
    1.2.3.4:allow,WHO="ip"
    =mail.example.com:allow,WHO="host"
    1.2.3.:deny
    10.0.0.1-9:allow,RELAYCLIENT="",WHO="range"
    10.:allow,WHO="ten"
    =.example.com:allow,WHO="suffix"
    =.com:deny,WHO="com"
    =:allow,WHO="any host"
    127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"
    127.:deny
    :allow,DKVERIFY="DEGIJKfh",WHO="default"

    """

  private static let connections: [(ip: String, host: String?, info: String?)] = [
    ("1.2.3.4", nil, nil), ("1.2.3.4", nil, "joe"), ("1.2.3.5", "mail.example.com", "joe"),
    ("1.2.3.5", "mail.example.com", nil), ("1.2.3.9", nil, nil), ("10.0.0.5", nil, nil),
    ("10.0.0.10", nil, nil), ("9.9.9.9", "x.example.com", nil), ("9.9.9.9", "a.b.com", nil),
    ("9.9.9.9", "host.org", nil), ("9.9.9.9", nil, nil), ("127.0.0.1", nil, nil),
    ("0.0.0.0", nil, nil), ("1.9.9.9", "x.example.com", nil), ("10.0.0.1", nil, "joe"),
  ]

  private func tcprulescheck(
    _ cdb: String, _ connection: (ip: String, host: String?, info: String?)
  )
    throws -> ProcessResult
  {
    var environment = ["TCPREMOTEIP": connection.ip]
    if let host = connection.host { environment["TCPREMOTEHOST"] = host }
    if let info = connection.info { environment["TCPREMOTEINFO"] = info }
    let binary = try #require(RealBinary.find("tcprulescheck"))
    return try ProcessRunner.run(binary, [cdb], environment: environment, clearEnvironment: true)
  }

  @Test func checkPrintsWhatTcprulescheckPrints() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(Self.rules, to: "tcp.smtp")
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    try store.compile()
    for connection in Self.connections {
      let real = try tcprulescheck(store.cdbPath, connection)
      let ours = try store.check(
        Connection(ip: connection.ip, host: connection.host, info: connection.info))
      #expect(real.status == 0)
      #expect(
        ours.lookup.tcprulescheckOutput == real.stdout,
        "\(connection): tcprulescheck says \(real.stdoutText)")
      #expect(ours.cdbState == .current)
    }
  }

  // After each edit, the cdb toaster-dk compiled must be the one tcprules compiles from the
  // edited tcp.smtp, and tcprulescheck must see the new settings.
  @Test func everyEditLeavesTheCdbTcprulesWouldMake() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(Self.rules, to: "tcp.smtp")
    let store = RulesStore(rulesPath: tmp.join("tcp.smtp"), cdbPath: tmp.join("tcp.smtp.cdb"))
    let edits: [(String, (inout RulesFile) throws -> EditSummary)] = [
      (
        "set-sign",
        { try $0.set("DKSIGN", to: "/var/qmail/control/domainkeys/%/s1", on: .allowRules) }
      ),
      ("set-verify", { try $0.set("DKVERIFY", to: "BDEGIJKfh", on: .nonRelayingAllowRules) }),
      (
        "set-queue",
        { try $0.set("DKQUEUE", to: "/var/qmail/bin/qmail-queue.orig", on: .nonRelayingAllowRules) }
      ),
      ("unset", { try $0.unset("WHO", on: .allowRules) }),
      ("address", { try $0.set("DKSIGN", to: "/k/%/x", on: .addresses([Address("10.0.0.1-9")])) }),
    ]
    let tcprules = try #require(RealBinary.find("tcprules"))
    for (name, edit) in edits {
      let outcome = try store.edit(edit)
      #expect(outcome.written, "\(name) changed nothing")
      let rules = try tmp.read("tcp.smtp")
      let real = try ProcessRunner.run(
        tcprules, [tmp.join("ref.cdb"), tmp.join("ref.tmp")], stdin: rules)
      #expect(real.status == 0, "tcprules rejects the file after \(name): \(real)")
      #expect(try tmp.read("ref.cdb") == tmp.read("tcp.smtp.cdb"), "cdb differs after \(name)")
    }
    let relay = try tcprulescheck(store.cdbPath, ("10.0.0.3", nil, nil))
    #expect(
      relay.stdoutText
        == "rule 10.0.0.3:\nset environment variable RELAYCLIENT=\nset environment variable DKSIGN=/k/%/x\nallow connection\n"
    )
    let world = try tcprulescheck(store.cdbPath, ("192.0.2.1", nil, nil))
    #expect(world.stdoutText.contains("DKVERIFY=BDEGIJKfh"))
    #expect(world.stdoutText.contains("DKQUEUE=/var/qmail/bin/qmail-queue.orig"))
  }
}
