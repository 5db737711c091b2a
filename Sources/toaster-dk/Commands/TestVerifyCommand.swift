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
      client's tcp.smtp rule (or --dkverify). Keys come from --record, --key, or this host's \
      key directory.

      \(ExitStatus.help)
      """
  )

  @OptionGroup var input: MessageArguments

  @Option(
    help: ArgumentHelp("DKVERIFY letters to judge by, instead of the rule's.", valueName: "letters")
  )
  var dkverify: String?

  @Option(help: ArgumentHelp("A PEM key (private or public) to verify with.", valueName: "file"))
  var key: String?

  @Option(help: ArgumentHelp("A key record to verify with, e.g. 'k=rsa; p=…'.", valueName: "txt"))
  var record: String?

  @Option(
    help: ArgumentHelp(
      "Judge DKIM t= and x= as at this time (seconds since the epoch).", valueName: "seconds"))
  var time: Int?

  @OptionGroup var client: DryRunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if key != nil && record != nil { throw ValidationError("give --key or --record, not both") }
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
    let resolver = try makeResolver()
    let environment =
      dkverify == nil ? try client.environment(defaultIP: nil) : QmailDKEnvironment([:])
    let paths = try input.paths()
    let verbose = paths.count == 1 && !output.json
    let cache = KeyCache()
    let now = time ?? Int(Date().timeIntervalSince1970)
    return try input.each(paths, showProgress: !output.json) { path in
      let request = VerifyRequest(
        message: try client.readMessage(path, limit: input.maxSize), environment: environment,
        dkVerify: dkverify, resolver: resolver, now: now, cache: cache)
      let report = DryRun.verify(request)
      if verbose { report.lines().forEach { print($0) } }
      return VerifySummary(report, path: path)
    }
  }

  private func makeResolver() throws -> any KeyResolver {
    if let record { return StaticKeyResolver(record: record) }
    guard let key else { return client.localKeys }
    return StaticKeyResolver(
      record: try LocalKeyResolver.record(fromPEM: try client.readFile(key)))
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
