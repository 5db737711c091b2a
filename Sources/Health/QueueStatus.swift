public import MailPath
public import QmailDKConfig
public import TcpRules
public import ToasterSupport

/// What `toaster-dk queue status` reports: who receives mail at bin/qmail-queue, and what
/// the filter would do for a local client (127.0.0.1) and for a client from the world, as
/// tcpserver's compiled rules set their variables.
public struct QueueStatus: Sendable {
  /// What the filter does for one kind of client.
  public struct Client: Sendable {
    /// `127.0.0.1`, or nil for a client from the world (an address no rule names).
    public let ip: String?
    /// The tcp.smtp line whose rule applies, when known.
    public let line: Int?
    /// The job chosen (nil when the connection is denied or the cdb cannot be read).
    public let mode: QmailDKMode?
    /// Whether the rule denies the connection.
    public let denied: Bool
    /// DKSIGN_ED25519, when set.
    public let ed25519Template: String?
    /// Whether DKIM signatures are made (DKIMSIGN).
    public let signsDKIM: Bool
    /// Why nothing can be said (the cdb is missing or unreadable).
    public let problem: String?
  }

  /// The queue link.
  public let chain: QueueChain
  /// 127.0.0.1, then the world.
  public let clients: [Client]

  /// Reads the link under `paths` and looks both clients up in `store`'s cdb.
  public static func read(paths: ToasterPaths, store: RulesStore) -> QueueStatus {
    let chain = QueueChainDirectory(paths: paths).read()
    return QueueStatus(chain: chain, clients: ["127.0.0.1", nil].map { client($0, store) })
  }

  private static func client(_ ip: String?, _ store: RulesStore) -> Client {
    let check: RulesCheck
    do {
      check = try store.check(Connection(ip: ip ?? ""))
    } catch {
      return Client(
        ip: ip, line: nil, mode: nil, denied: false, ed25519Template: nil, signsDKIM: true,
        problem: "\(error)")
    }
    var variables: [String: String] = [:]
    for (name, value) in check.lookup.ruleData.environment {
      variables[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
    }
    let denied = check.lookup.ruleData.isDeny
    let mode = QmailDKRules.mode(
      relayClient: variables[QmailDKRules.relayClient], dkSign: variables[QmailDKRules.dkSign],
      dkVerify: variables[QmailDKRules.dkVerify])
    return Client(
      ip: ip, line: check.line, mode: denied ? nil : mode, denied: denied,
      ed25519Template: variables[QmailDKRules.dkSignEd25519],
      signsDKIM: QmailDKRules.signsDKIM(variables[QmailDKRules.dkimSign]), problem: nil)
  }

  /// The chain's lines, then one line per client.
  public var lines: [String] {
    chain.lines + clients.map(\.summary)
  }
}

extension QueueStatus.Client {
  /// `127.0.0.1 (tcp.smtp line 2): sign with …, DKIM rsa-sha256 too` and the like.
  public var summary: String {
    var who = ip ?? "the world"
    if let line { who += " (tcp.smtp line \(line))" }
    if let problem { return "\(who): unknown: \(problem)" }
    if denied { return "\(who): connection denied" }
    switch mode {
    case .sign(let template)?:
      var text =
        "\(who): signs with \(template) (selector "
        + "\(QmailDKRules.selector(ofTemplate: template)))"
      guard signsDKIM else { return text + ", DomainKeys only (DKIMSIGN=0)" }
      text += ", DomainKeys and DKIM rsa-sha256"
      if let ed25519Template { text += ", and ed25519-sha256 with \(ed25519Template)" }
      return text
    case .verify(let letters)?:
      return "\(who): verifies (DomainKey-Status, Authentication-Results), rejecting "
        + (letters.isEmpty ? "nothing" : "DKVERIFY=\(letters)")
    case .passThrough?, nil:
      return "\(who): passes mail through untouched (no RELAYCLIENT, no DKVERIFY)"
    }
  }
}
