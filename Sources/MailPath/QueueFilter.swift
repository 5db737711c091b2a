import DKEngine

/// The mail path's signer and verifier: decides, as qmail-dk 0.6 does, what goes above one
/// message on its way into the queue, and adds a DKIM signature wherever qmail-dk signs.
///
/// Signing runs the same code as `toaster-dk test-sign`, so a dry run shows the bytes the
/// queue gets.
public enum QueueFilter {
  /// Decides about `request.message` under `request.environment` (spec §3.2).
  public static func filter(_ request: FilterRequest) -> FilterResult {
    let mode = request.environment.mode
    switch mode {
    case .passThrough:
      return FilterResult(mode: mode, decision: .queue(headers: []), notes: ["passed through"])
    case .verify:
      return verify(request, mode: mode)
    case .sign:
      return sign(request, mode: mode)
    }
  }

  private static func verify(_ request: FilterRequest, mode: QmailDKMode) -> FilterResult {
    let outcome = QmailDK.process(
      Message(bytes: request.message), environment: request.environment,
      readKey: { _ in .notFound }, resolver: request.resolver)
    switch outcome.action {
    case .rejected(let text, _, _):
      return FilterResult(mode: mode, decision: .reject(text: text), notes: ["rejected: \(text)"])
    case .verified(let result):
      return FilterResult(
        mode: mode, decision: .queue(headers: outcome.prependedHeaders),
        notes: ["verified: \(result.statusHeader)"])
    default:
      return FilterResult(mode: mode, decision: .queue(headers: outcome.prependedHeaders))
    }
  }

  private static func sign(_ request: FilterRequest, mode: QmailDKMode) -> FilterResult {
    // Remembers why the key could not be read: qmail-dk's one text covers both a missing
    // key (no %) and an unreadable one, and only the reason makes a useful temporary text.
    var keyProblem: (path: String, reason: String)?
    let template: String
    if case .sign(let value) = mode { template = value } else { template = "" }
    let readKey = { (path: String) -> QmailDK.KeyFile in
      // The Sender:/From: domain in place of % must be a domain name, never `/` or `..`.
      if let domain = substitutedDomain(path, template: template),
        !KeyFileReader.isPathSafe(domain)
      {
        return .notFound
      }
      let file = request.readKey(path)
      switch file {
      case .notFound: keyProblem = (path, "no such file (DKSIGN has no %)")
      case .unreadable(let reason), .notReadableByDryRun(let reason): keyProblem = (path, reason)
      case .contents: keyProblem = nil
      }
      return file
    }
    var signing = SignRequest(
      message: request.message, environment: request.environment, now: request.now)
    signing.method = request.settings.signDKIM ? .both : .dk
    signing.selfCheck = false
    let report: SignReport
    do {
      report = try DryRun.sign(signing, readKey: readKey)
    } catch {
      return FilterResult(mode: mode, decision: .fail(.signingFailed("\(error)")))
    }
    switch report.outcome {
    case .signed(let headers):
      let notes = report.keys.map { "signed d=\($0.domain) s=\($0.selector) with \($0.path)" }
      return FilterResult(mode: mode, decision: .queue(headers: headers), notes: notes)
    case .unsigned(let path):
      return FilterResult(
        mode: mode, decision: .queue(headers: []),
        notes: ["queued unsigned: no key file \(path)"])
    case .rejected(let text, _):
      if text == QmailDK.unreadableKeyText, let keyProblem,
        request.settings.keyFailure == .temporary
      {
        let failure = FilterFailure.unreadableKey(path: keyProblem.path, reason: keyProblem.reason)
        return FilterResult(mode: mode, decision: .fail(failure))
      }
      return FilterResult(mode: mode, decision: .reject(text: text), notes: ["rejected: \(text)"])
    case .verifiesInstead:
      preconditionFailure("sign mode chosen, yet the signer verifies")
    }
  }

  // What the template's first % became in `path`, or nil when the template has no %.
  private static func substitutedDomain(_ path: String, template: String) -> String? {
    guard let percent = template.firstIndex(of: "%") else { return nil }
    let prefix = template[..<percent]
    let suffix = template[template.index(after: percent)...]
    guard path.hasPrefix(prefix), path.hasSuffix(suffix),
      path.count >= prefix.count + suffix.count
    else { return "" }
    return String(path.dropFirst(prefix.count).dropLast(suffix.count))
  }
}
