public import KeyStore
public import MailPath
public import Rotation
public import TcpRules
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

  /// Looks at everything; DNS questions go to `checker`.
  ///
  /// - Throws: `KeyStoreError` when the key directory is missing or a signer does not exist.
  public func report(checker: any RecordChecker, now: Int) throws -> HealthReport {
    var problems: [HealthReport.Problem] = []
    let flag = { (text: String) in problems.append(.init(severity: .error, text: text)) }
    let rulesStore = RulesStore(
      rulesPath: paths.rulesFile, cdbPath: paths.rulesCDB, root: paths.root)
    var rules: RulesReport?
    var selectors: [String] = []
    do {
      rules = try rulesStore.report()
      selectors = try RotationStore(paths: paths).signingSelectors()
    } catch {
      flag("\(paths.rulesFile): \(error): run toaster-dk rules lint")
    }
    if let rules {
      if rules.cdbState != .current {
        flag("\(paths.rulesCDB) is \(rules.cdbState.rawValue): run toaster-dk rules compile")
      }
      if selectors.isEmpty { flag("no tcp.smtp rule sets DKSIGN: run toaster-dk rules set-sign") }
    }
    let keys = KeyStore(paths: paths)
    let inventory = try keys.inventory(
      owner: owner, group: group, signerNames: signerNames, templateSelectors: selectors)
    inventory.allProblems.forEach(flag)
    var domains: [HealthReport.Domain] = []
    for domain in inventory.domains {
      domains.append(
        domainHealth(domain, selectors: selectors, checker: checker, now: now, problems: &problems))
    }
    let queue = QueueChainDirectory(paths: paths).read()
    if let problem = queue.problem { flag("bin/qmail-queue: \(problem)") }
    let remote = remoteKind(problems: &problems)
    let rotation = try? RotationStateFile(keyDirectory: paths.domainKeys, root: paths.root).read()
    return HealthReport(
      domains: domains, rules: rules, signingSelectors: selectors, queue: queue, remote: remote,
      rotation: rotation ?? nil, problems: problems)
  }

  private func domainHealth(
    _ domain: DomainReport, selectors: [String], checker: any RecordChecker, now: Int,
    problems: inout [HealthReport.Problem]
  ) -> HealthReport.Domain {
    var keys: [HealthReport.Key] = []
    for key in domain.keys {
      let signs = selectors.contains(key.selector)
      var published: PublishedRecord?
      if signs, domain.aliasOf == nil, let loaded = key.key,
        let name = try? DomainName(domain.name),
        let selector = try? SelectorName(key.selector)
      {
        let answer = checker.check(domain: name, selector: selector, expected: loaded.record)
        published = answer
        let fix = "publish toaster-dk domain dns \(domain.name) --selector \(key.selector)"
        switch answer {
        case .matches: break
        case .differs, .missing:
          problems.append(
            .init(
              severity: .error, text: "\(domain.name) \(key.selector): \(answer.summary): \(fix)"))
        case .temporaryFailure:
          problems.append(
            .init(severity: .temporary, text: "\(domain.name) \(key.selector): \(answer.summary)"))
        }
      }
      let age = ageDays(key.path, now: now)
      if let age, age > maxKeyAgeDays, signs, domain.aliasOf == nil {
        problems.append(
          .init(
            severity: .error,
            text: "\(key.path): \(age) days old (over \(maxKeyAgeDays)): rotate it with "
              + "toaster-dk rotate start"))
      }
      keys.append(
        .init(
          selector: key.selector, spec: key.key?.spec ?? "unreadable", ageDays: age, signs: signs,
          published: published))
    }
    if domain.aliasOf == nil, !selectors.isEmpty,
      !domain.keys.contains(where: { selectors.contains($0.selector) })
    {
      problems.append(
        .init(
          severity: .error,
          text: "\(domain.name) has no key at selector \(selectors[0]), so qmail-dk queues its "
            + "mail unsigned: toaster-dk domain add \(domain.name) --selector \(selectors[0])"))
    }
    return .init(name: domain.name, aliasOf: domain.aliasOf, keys: keys)
  }

  private func ageDays(_ path: String, now: Int) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return max(0, now - Int(info.st_mtim.tv_sec)) / 86400
  }

  // What signs (or not) at queue exit: qmail-remote itself, QMT's Perl wrapper, or a link.
  private func remoteKind(problems: inout [HealthReport.Problem]) -> String {
    let path = paths.resolve("/var/qmail/bin/qmail-remote")
    var info = stat()
    guard lstat(path, &info) == 0 else { return "missing" }
    if info.st_mode & S_IFMT == S_IFLNK {
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink(path, &buffer, buffer.count - 1)
      let target =
        count > 0
        ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
      return "link to \(target)"
    }
    let head = (try? FileDescriptorIO.readFile(atPath: path)).map { Array($0.prefix(4096)) } ?? []
    let text = String(decoding: head, as: UTF8.self)
    if text.hasPrefix("#!"), text.contains("perl") {
      problems.append(
        .init(
          severity: .error,
          text: "bin/qmail-remote is QmailToaster's Perl DKIM wrapper: it signs rsa-sha1 (refused "
            + "by RFC 8301 verifiers) with d= from control/me: replace it with toaster-dk's "
            + "queue-exit signer"))
      return "QmailToaster Perl wrapper"
    }
    return "qmail-remote (bounces and local mail leave unsigned)"
  }
}
