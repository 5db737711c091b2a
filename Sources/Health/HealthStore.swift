public import DNS
import DomainCheck
import KeyStore
import MailPath
import Rotation
import TcpRules
public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Gathers a `HealthReport` from the toaster under a root, changing nothing.
public struct HealthStore {
  /// The toaster's paths.
  public let paths: ToasterPaths
  /// The users qmail-dk (and other signers) read keys as.
  public let signerNames: [String]
  /// Keys older than this many days are flagged.
  public let maxKeyAgeDays: Int
  /// The expected owner and group of the key tree (nil: root and vchkpw).
  public var owner: String?, group: String?

  /// A store for the toaster under `paths`.
  public init(paths: ToasterPaths, signerNames: [String], maxKeyAgeDays: Int) {
    self.paths = paths
    self.signerNames = signerNames
    self.maxKeyAgeDays = maxKeyAgeDays
  }

  /// Looks at everything; DNS questions about a domain go to the resolver `dns` describes
  /// for it, and are judged by `DomainCheck` as `domain check` judges them.
  ///
  /// - Throws: `KeyStoreError` when the key directory is missing or a signer does not exist,
  ///   `DNSError` when a resolver cannot be set up.
  public func report(
    dns: @escaping @Sendable (String) -> ResolverConfiguration, now: Int
  ) throws -> HealthReport {
    var problems = HealthProblems()
    let rulesStore = RulesStore(
      rulesPath: paths.rulesFile, cdbPath: paths.rulesCDB, root: paths.root)
    var rules: RulesReport?
    var selectors: [String] = []
    do {
      rules = try rulesStore.report()
      selectors = try RotationStore(paths: paths).signingSelectors()
    } catch {
      problems.error("\(paths.rulesFile): \(error): run toaster-dk rules lint")
    }
    if let rules {
      if rules.cdbState != .current {
        problems.error(
          "\(paths.rulesCDB) is \(rules.cdbState.rawValue): run toaster-dk rules compile")
      }
      if selectors.isEmpty {
        problems.error("no tcp.smtp rule sets DKSIGN: run toaster-dk rules set-sign")
      }
    }
    let inventory = try KeyStore(paths: paths).inventory(
      owner: owner, group: group, signerNames: signerNames, templateSelectors: selectors)
    // Under 2048 bits is said below with the rotation that fixes it.
    for problem in inventory.allProblems where !problem.hasSuffix(Self.recommendedSize) {
      problems.error(problem)
    }
    let checked = try DomainCheck.run(
      DomainCheckRequest(paths: paths, domains: [], configuration: dns))
    let domains = inventory.domains.map {
      domainHealth($0, selectors: selectors, checked: checked, now: now, problems: &problems)
    }
    let queue = QueueChainDirectory(paths: paths).read()
    if let problem = queue.problem { problems.error("bin/qmail-queue: \(problem)") }
    let remote = RemoteChainDirectory(paths: paths).read()
    let unsigned = mailPathHealth(remote, problems: &problems)
    let rotation = try? RotationStateFile(keyDirectory: paths.domainKeys, root: paths.root).read()
    return HealthReport(
      domains: domains, rules: rules, signingSelectors: selectors, queue: queue, remote: remote,
      unsignedMail: unsigned, rotation: rotation ?? nil, problems: problems.list)
  }

  static let recommendedSize = "2048 bits is recommended (rfc 8301)"

  func ageDays(_ path: String, now: Int) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return max(0, now - Int(info.st_mtim.tv_sec)) / 86400
  }
}

/// The problems found so far, in the order found.
struct HealthProblems {
  private(set) var list: [HealthReport.Problem] = []

  mutating func error(_ text: String) { list.append(.init(severity: .error, text: text)) }
  mutating func temporary(_ text: String) { list.append(.init(severity: .temporary, text: text)) }
  mutating func warning(_ text: String) { list.append(.init(severity: .warning, text: text)) }
}
