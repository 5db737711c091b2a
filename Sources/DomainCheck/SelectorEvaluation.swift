import DKEngine
import DNS
import KeyStore
import LibCrypto

/// The working state of one selector's check.
struct SelectorEvaluation {
  let target: CheckTarget
  let server: String
  var records: [ServedRecord] = []
  var cnameChain: [String] = []
  var ttl: Int?
  var dnssec: String?
  var status = SelectorStatus.notPublished
  var findings: [Finding] = []

  init(target: CheckTarget, server: String) {
    self.target = target
    self.server = server
  }

  var name: String { target.name }

  mutating func add(_ severity: Finding.Severity, _ code: String, _ message: String) {
    findings.append(Finding(severity, code, message))
  }

  mutating func judge(_ outcome: TXTOutcome) {
    noteUses()
    switch outcome {
    case .records(let answer): judge(answer)
    case .nxdomain(let negative): judgeAbsent("NXDOMAIN", negative)
    case .nodata(let negative): judgeAbsent("NODATA", negative)
    case .temporaryFailure(let failure): judgeTemporary(failure)
    case .bogus(let why):
      status = .bogus
      dnssec = "bogus"
      add(
        .error, "dnssec-bogus",
        "the answer for \(name) is dnssec bogus (\(why)): validating resolvers answer SERVFAIL,"
          + " so their verifiers cannot fetch the key")
    case .invalidName(let why):
      status = .invalidName
      add(.error, "invalid-name", why)
    }
  }

  private mutating func noteUses() {
    for use in target.uses {
      add(
        .info, "used-by",
        "\(use.path):\(use.line) DKSIGN=\(use.template) makes qmail-dk sign with selector"
          + " \(use.selector)")
      if !use.isPerDomain {
        add(
          .info, "fixed-key",
          "\(use.path):\(use.line): DKSIGN has no %, so qmail-dk signs mail of every domain with"
            + " \(use.template); the key compared here is \(target.domain)'s \(use.selector)")
      }
    }
    if target.local == nil, !target.uses.isEmpty, target.uses.contains(where: \.isPerDomain) {
      add(
        .error, "no-local-key",
        "\(target.domain) has no key \(target.selector), the selector tcp.smtp's DKSIGN uses:"
          + " qmail-dk queues its mail unsigned; make one with toaster-dk domain add"
          + " \(target.domain)"
          + (target.selector == "private" ? "" : " --selector \(target.selector)"))
    }
    if let local = target.local, local.publicKeyBase64 == nil {
      add(.error, "no-local-public-key", "\(local.keyPath): \(local.problem ?? "no public half")")
    }
  }

  private mutating func judgeAbsent(_ what: String, _ negative: NegativeAnswer) {
    status = .notPublished
    ttl = negative.ttl
    noteSecurity(negative.security)
    // Without a local key, no-local-key has said what matters.
    guard target.local != nil else { return }
    let publish = ": publish the record toaster-dk domain dns \(target.domain) prints"
    add(
      .error, "not-published",
      "no TXT record at \(name) (\(what) from \(server)): verifiers find no key (DomainKeys D"
        + " NOKEY, DKIM permerror)\(publish)")
    add(
      .info, "negative-ttl",
      "resolvers that asked keep this negative answer for up to \(negative.ttl) s")
  }

  private mutating func judgeTemporary(_ failure: TemporaryFailure) {
    status = .temporaryFailure
    add(
      .temporary, "temporary-failure",
      "TXT lookup of \(name) failed: \(failure) from \(server); verifiers defer (DomainKeys F"
        + " CANTVRFY, DKIM temperror): check again later")
    guard case .serverFailure = failure, let size = expectedReplySize, size > 512 else { return }
    add(
      .error, "udp-size",
      "the local key's record makes an answer of at least \(size) bytes, over the 512 bytes of"
        + " UDP without EDNS: a server without TCP (tinydns without axfrdns) truncates it and"
        + " every resolver fails, so this failure will not go away; run axfrdns beside tinydns"
        + " or use a key of at most 2048 bits")
  }

  // The smallest reply that could carry the local key's record, as `domain dns` prints it.
  private var expectedReplySize: Int? {
    guard let local = target.local, let base64 = local.publicKeyBase64, !base64.isEmpty else {
      return nil
    }
    let text = Array(
      PublishedKeyRecord(
        algorithm: local.algorithm ?? .rsa, publicKeyBase64: base64, testing: false
      ).text.utf8)
    let strings = stride(from: 0, to: text.count, by: 255).map {
      Array(text[$0..<min($0 + 255, text.count)])
    }
    return TXTAnswer(name: name, records: [TXTRecord(strings: strings)], ttl: 0)
      .minimumReplySize
  }

  mutating func noteSecurity(_ security: DNSSECStatus) {
    guard security != .unchecked else { return }
    dnssec = security.rawValue
    add(
      security == .secure ? .info : .warning, "dnssec",
      security == .secure
        ? "dnssec: the answer for \(name) is secure"
        : "dnssec: the answer for \(name) is insecure (the zone is not signed under the trust"
          + " anchor)")
  }
}

extension PublicHalf {
  /// Where the public half came from, for messages.
  var sourceDescription: String? {
    switch source {
    case .privateKey(let path)?: path
    case .recordFile(let path)?: path
    case nil: nil
    }
  }
}
