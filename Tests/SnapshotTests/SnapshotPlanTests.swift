import QmailControl
import Snapshot
import Testing
import ToasterSupport

@Suite struct SnapshotPlanTests {
  static let keys = "/var/qmail/control/domainkeys"

  private func plan(root: String) -> SnapshotPlan {
    SnapshotPlan(served: ServedDomainPaths(paths: ToasterPaths(root: root)))
  }

  @Test func listsExactlyTheFilesToasterDKUses() {
    let plan = plan(root: "/")
    #expect(plan.includes("/etc/tcprules.d/tcp.smtp"))
    #expect(plan.includes("/var/qmail/control/morercpthosts.cdb"))
    #expect(plan.includes("/home/vpopmail/users/assign"))
    #expect(plan.includes("\(Self.keys)/example.com/private"))
    #expect(plan.includes("/var/qmail/bin/qmail-dk"))
    #expect(!plan.includes("/var/qmail/control/me"))
    #expect(!plan.includes("/var/qmail/control/domainkeys-old/private"))
    #expect(!plan.includes("/etc/passwd"))
  }

  @Test func rewritesLinksIntoTheSnapshotRelativeToTheLink() {
    let plan = plan(root: "/srv/box/")
    #expect(
      plan.decide(link: "\(Self.keys)/alias.example", target: "/srv/box\(Self.keys)/real.example")
        == .keep(target: "real.example"))
    #expect(
      plan.decide(link: "/var/qmail/bin/qmail-queue", target: "/srv/box/var/qmail/bin/qmail-dk")
        == .keep(target: "qmail-dk"))
    #expect(
      plan.decide(link: "\(Self.keys)/a.example/private", target: "../b.example/./private")
        == .keep(target: "../b.example/private"))
    #expect(
      plan.decide(link: "/var/qmail/bin/qmail-queue", target: "../control/domainkeys")
        == .keep(target: "../control/domainkeys"))
  }

  @Test func refusesLinksThatLeaveTheSnapshot() {
    let plan = plan(root: "/srv/box")
    // An absolute system path in a sandbox points at the live box, not into the sandbox.
    #expect(
      plan.decide(link: "\(Self.keys)/alias.example", target: "\(Self.keys)/real.example")
        == .refuse(resolved: "\(Self.keys)/real.example"))
    #expect(
      plan.decide(link: "\(Self.keys)/a.example/private", target: "../../../../../etc/shadow")
        == .refuse(resolved: "/srv/box/etc/shadow"))
    #expect(
      plan.decide(link: "\(Self.keys)/x", target: "../../../../../../../..")
        == .refuse(resolved: "../../../../../../../.."))
    #expect(
      plan.decide(link: "/var/qmail/bin/qmail-queue", target: "/srv/box/var/qmail/bin/qmail-inject")
        == .refuse(resolved: "/srv/box/var/qmail/bin/qmail-inject"))
  }

  @Test func onTheLiveBoxAbsoluteSystemPathsAreInside() {
    #expect(
      plan(root: "/").decide(link: "/var/qmail/bin/qmail-queue", target: "/var/qmail/bin/qmail-dk")
        == .keep(target: "qmail-dk"))
  }
}
