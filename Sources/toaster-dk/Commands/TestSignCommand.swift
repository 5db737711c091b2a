import ArgumentParser
import DKEngine
import FoundationEssentials
import ToasterSupport

/// `toaster-dk test-sign`: sign messages as qmail-dk would for a relaying client.
struct TestSignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test-sign",
    abstract: "Sign messages as qmail-dk would for a relaying client (a dry run).",
    discussion: """
      Takes DKSIGN from the tcp.smtp rule the client IP matches, puts the Sender:/From: \
      domain in place of %, and uses the template's last component as selector. Prints the \
      message with the headers qmail-dk prepends, or says that qmail-dk would queue it \
      unsigned (no key under a % template) or reject it (with its SMTP reply), then checks \
      the signatures with the public key (--no-self-check skips that), and with --check-dns \
      against the records DNS serves as well. --canon takes nofws or simple (DomainKeys) and \
      relaxed, simple or HEADER/BODY (DKIM); repeat it for both. Several DKIM signatures, \
      such as rsa-sha256 and ed25519-sha256, come from repeating --selector (each \
      selector's key in the key directory) or --key (with one --selector per key), with \
      --method dkim or both; the first key also makes the DomainKeys signature. The key is \
      judged as --signer-user reads it (qmail-dk's user): one that user cannot read is \
      rejected, as by qmail-dk; one toaster-dk itself cannot read is an error.

      \(ExitStatus.help)
      """
  )

  @OptionGroup var input: MessageArguments

  @Option(
    help: ArgumentHelp("Sign for this domain (d=) instead of the sender's.", valueName: "domain"))
  var domain: String?

  @Option(
    name: .customLong("selector"),
    help: ArgumentHelp(
      "Use this selector instead of the template's (repeatable, see above).",
      valueName: "selector"))
  var selectors: [String] = []

  @Option(
    name: .customLong("key"),
    help: ArgumentHelp("Sign with this PEM private key (repeatable, see above).", valueName: "file")
  )
  var keys: [String] = []

  @Option(help: "Which signatures to add.")
  var method: SigningMethod = .dk

  @Option(help: ArgumentHelp("Canonicalization (repeatable), see above.", valueName: "canon"))
  var canon: [String] = []

  @Flag(
    name: .customLong("legacy-rsa-sha1"),
    help: "Sign DKIM with rsa-sha1, which RFC 8301 forbids (legacy receivers only).")
  var legacyRSASHA1 = false

  @Option(
    help: ArgumentHelp("Sign as at this time (seconds since the epoch).", valueName: "seconds"))
  var time: Int?

  @Flag(inversion: .prefixedNo, help: "Verify the signed message with the public key.")
  var selfCheck = true

  @OptionGroup var published: CheckDNSOptions
  @OptionGroup var destination: SignOutputOptions
  @OptionGroup var client: DryRunOptions
  @OptionGroup var output: OutputOptions

  @OptionGroup var signer: SignerOptions

  func validate() throws {
    if let domain, let reason = DNSName.problem(inDomain: domain) {
      throw ValidationError("invalid domain \"\(domain)\": \(reason)")
    }
    for selector in selectors {
      if let reason = DNSName.problem(inSelector: selector) {
        throw ValidationError("invalid selector \"\(selector)\": \(reason)")
      }
    }
    if keys.count > 1 && selectors.count != keys.count {
      throw ValidationError("give one --selector per --key")
    }
    if max(keys.count, selectors.count) > 1 && method == .dk {
      throw ValidationError("several keys sign DKIM only: add --method dkim or --method both")
    }
    var request = SignRequest(message: [], environment: QmailDKEnvironment([:]), now: 0)
    request.method = method
    do { try request.setCanonicalizations(canon) } catch { throw ValidationError("\(error)") }
  }

  func run() throws {
    let paths: [String]
    do { paths = try input.paths() } catch { throw ExitStatus.report(error) }
    try destination.check(paths, json: output.json)
    do {
      let rows = try sign(paths)
      if output.json { output.printJSON(.array(rows.map { $0.json(\.json) })) }
      let status = rows.map { $0.status(negative: \.isNegative) }.max() ?? .success
      if status != .success { throw status.exitCode }
    } catch {
      throw ExitStatus.report(error)
    }
  }

  /// Signs each message, prints its notes and writes it out; one row per message.
  private func sign(_ paths: [String]) throws -> [MessageRow<SignSummary>] {
    let keyBytes = try keys.map { try client.readFile($0) }
    // With --key the rules are not needed, so a tcp.smtp that cannot be read is no error.
    let environment =
      keyBytes.isEmpty
      ? try client.environment(defaultIP: "127.0.0.1")
      : (try? client.environment(defaultIP: "127.0.0.1"))
    let (signers, problem) = try signer.resolve()
    if let problem { DiagnosticPrinter.printWarning(problem) }
    let (cache, dns) = (KeyCache(), try published.published())
    return try input.each(paths, showProgress: false) { path in
      let request = try makeRequest(
        try client.readMessage(path, limit: input.maxSize),
        environment ?? QmailDKEnvironment([:]), keyBytes)
      let report = try DryRun.sign(
        request, readKey: { client.readKey(systemPath: $0, signers: signers) }, cache: cache,
        published: dns)
      report.lines().forEach(DiagnosticPrinter.printNote)
      try destination.write(report, for: path, json: output.json)
      return SignSummary(report, path: path)
    }
  }

  private func makeRequest(
    _ bytes: MessageBytes, _ environment: QmailDKEnvironment, _ keyBytes: [[UInt8]]
  ) throws -> SignRequest {
    var request = SignRequest(
      message: bytes, environment: environment, now: time ?? Int(Date().timeIntervalSince1970))
    request.method = method
    try request.setCanonicalizations(canon)
    (request.keys, request.domain, request.selectors) = (keyBytes, domain, selectors)
    request.dkimAlgorithm = legacyRSASHA1 ? .legacyRSASHA1 : nil
    request.selfCheck = selfCheck
    return request
  }

}

extension SigningMethod: ExpressibleByArgument {}
