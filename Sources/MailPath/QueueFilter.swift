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

  // qmail-dk's DomainKeys verdict decides (DKVERIFY); the DKIM verdicts only annotate, in
  // one Authentication-Results field, as test-verify reports them.
  private static func verify(_ request: FilterRequest, mode: QmailDKMode) -> FilterResult {
    let authservID: String
    switch request.authservID {
    case .success(let name): authservID = name
    case .failure(let failure): return FilterResult(mode: mode, decision: .fail(failure))
    }
    let report = DryRun.verify(
      VerifyRequest(
        message: request.message, environment: request.environment, resolver: request.resolver,
        now: request.now))
    if case .rejected(let text, _, _) = report.qmailDK.action {
      return FilterResult(mode: mode, decision: .reject(text: text), notes: ["rejected: \(text)"])
    }
    let message = Message(bytes: request.message)
    let results = AuthenticationResults.field(
      authservID: authservID, domainKeys: report.domainKeys, dkim: report.dkim,
      lineEnding: message.lineEndings == .crlf ? "\r\n" : "\n")
    let claimed = AuthenticationResults.fieldsClaiming(authservID, in: message)
    var notes = [
      "verified: \(report.domainKeys.statusHeader)",
      "dkim: " + report.dkim.map(\.verdict.description).joined(separator: ", "),
    ]
    if !claimed.isEmpty {
      notes.append("removed \(claimed.count) Authentication-Results claiming \(authservID)")
    }
    return FilterResult(
      mode: mode,
      decision: .queue(headers: results + report.qmailDK.prependedHeaders, omitting: claimed),
      notes: notes)
  }

  private static func sign(_ request: FilterRequest, mode: QmailDKMode) -> FilterResult {
    // Remembers why the key could not be read: qmail-dk's one text covers both a missing
    // key (no %) and an unreadable one, and only the reason makes a useful temporary text.
    var keyProblem: (path: String, reason: String)?
    // QmailDK.signingKey and .ed25519Key never read a path whose domain is no domain name.
    let readKey = { (path: String) -> QmailDK.KeyFile in
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
}
