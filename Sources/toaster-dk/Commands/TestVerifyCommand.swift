import ArgumentParser
import DKEngine
import FoundationEssentials

/// `toaster-dk test-verify`: verify messages as qmail-dk (DomainKeys) and a DKIM verifier would.
struct TestVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test-verify",
    abstract: "Verify every DomainKey-Signature and DKIM-Signature of messages (a dry run).",
    discussion: """
      Prints per signature the result, the DomainKeys status letter and name, the \
      DomainKey-Status: header qmail-dk would add, and the DKVERIFY decision for the \
      client's tcp.smtp rule (or --dkverify). Keys come from DNS, as qmail-dk gets them \
      (each SELECTOR._domainkey.DOMAIN asked once for the run, by the servers of \
      /etc/resolv.conf or --dns-server), or with --keys local from this host's key directory \
      (offline), or from --key or --record. A key that DNS cannot give for now (SERVFAIL, \
      timeout) is DomainKeys F and DKIM temperror; a name without a record is D and \
      permerror. DKIM rsa-sha1 fails (RFC 8301) unless --accept-rsa-sha1.

      \(ExitStatus.help)
      """
  )

  @OptionGroup var input: MessageArguments

  @Option(
    help: ArgumentHelp("DKVERIFY letters to judge by, instead of the rule's.", valueName: "letters")
  )
  var dkverify: String?

  @Option(
    help: ArgumentHelp(
      "Judge DKIM t= and x= as at this time (seconds since the epoch).", valueName: "seconds"))
  var time: Int?

  @OptionGroup var keys: VerifyKeyOptions
  @OptionGroup var client: DryRunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let dkverify, (try? DKVerifyPolicy(letters: dkverify)) == nil {
      throw ValidationError("--dkverify '\(dkverify)' has characters other than A-L and a-l")
    }
  }

  func run() throws {
    do {
      let rows = try verifyAll()
      if output.json { output.printJSON(.array(rows.map { $0.json(\.json) })) }
      if rows.count > 1 && !output.json {
        VerifySummary.table(rows.map(\.tableRow)).forEach { print($0) }
      }
      let status = rows.map { $0.status(negative: \.isNegative) }.max() ?? .success
      if status != .success { throw status.exitCode }
    } catch {
      throw ExitStatus.report(error)
    }
  }

  private func verifyAll() throws -> [MessageRow<VerifySummary>] {
    let (resolver, dns) = try keys.resolver(local: { client.localKeys }, readFile: client.readFile)
    let environment =
      dkverify == nil ? try client.environment(defaultIP: nil) : QmailDKEnvironment([:])
    let paths = try input.paths()
    let verbose = paths.count == 1 && !output.json
    let cache = KeyCache()
    let now = time ?? Int(Date().timeIntervalSince1970)
    let rows = try input.each(paths, showProgress: !output.json) { path in
      var request = VerifyRequest(
        message: try client.readMessage(path, limit: input.maxSize), environment: environment,
        dkVerify: dkverify, resolver: resolver, now: now, cache: cache)
      request.acceptsLegacyRSASHA1 = keys.acceptRSASHA1
      let report = DryRun.verify(request)
      if verbose { report.lines().forEach { print($0) } }
      return VerifySummary(report, path: path)
    }
    if let dns, paths.count > 1 {
      DiagnosticPrinter.printNote(
        "\(dns.lookupCount) key lookups in DNS (\(dns.resolver.configuration.serverDescription))"
          + " for \(paths.count) messages")
    }
    return rows
  }
}

extension MessageRow<VerifySummary> {
  /// The row of the summary table.
  var tableRow: VerifySummary.Row {
    switch self {
    case .done(let summary): .summary(summary)
    case .failed(let path, let failure): .failed(path: path, reason: failure.message)
    }
  }
}
