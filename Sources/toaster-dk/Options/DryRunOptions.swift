import ArgumentParser
import DKEngine
import FoundationEssentials
import KeyStore
import MailPath
import TcpRules
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `--client-ip` plus the rules files: the client a dry run pretends to be, and how it reads
/// messages and key files.
struct DryRunOptions: ParsableArguments {
  @Option(
    name: .customLong("client-ip"),
    help: ArgumentHelp(
      "The client's IP address; its tcp.smtp rule (from the cdb) sets DKSIGN/DKVERIFY.",
      discussion: """
        Default: 127.0.0.1 (a relaying client) for test-sign; for test-verify a client from \
        the world, judged by the rule for an address no line matches (the : rule).
        """,
      valueName: "ip"))
  var clientIP: String?

  @OptionGroup var files: RulesFileOptions

  /// The environment the client's rule sets, looked up in the compiled cdb as tcpserver
  /// does; without `--client-ip`, for `defaultIP`, or for a client no line matches when nil.
  ///
  /// Notes which rule was used, and warns when the cdb does not match tcp.smtp.
  func environment(defaultIP: String?) throws -> QmailDKEnvironment {
    let ip = clientIP ?? defaultIP
    let check = try files.store.check(Connection(ip: ip ?? ""))
    let client = ip.map { "client \($0)" } ?? "a client from the world (no --client-ip)"
    let source = check.line.map { " (\(files.store.rulesPath):\($0))" } ?? ""
    switch check.lookup.key {
    case nil: DiagnosticPrinter.printNote("\(client): no rule matches, so nothing is set")
    case []?: DiagnosticPrinter.printNote("\(client): the default rule ':'\(source)")
    case let key?:
      DiagnosticPrinter.printNote(
        "\(client): rule '\(String(decoding: key, as: UTF8.self)):'\(source)")
    }
    if check.cdbState == .stale {
      DiagnosticPrinter.printWarning(
        "\(files.store.cdbPath) is stale: it does not match tcp.smtp; run 'toaster-dk rules compile'"
      )
    }
    var variables: [String: String] = [:]
    for (name, value) in check.lookup.ruleData.environment {
      variables[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
    }
    return QmailDKEnvironment(variables)
  }

  /// A message file, or standard input for `-`, mapped rather than read when it is a file;
  /// what is not a regular file may be at most `limit` bytes long.
  func readMessage(_ path: String, limit: Int) throws -> MessageBytes {
    let file =
      path == "-"
      ? try MappedFile(descriptor: 0, path: "standard input", limit: limit)
      : try MappedFile(path: path, limit: limit)
    return MessageBytes(unsafeBorrowing: file.bytes, owner: file, release: file.release)
  }

  /// The bytes of a small file (a key), or of standard input for `-`.
  func readFile(_ path: String) throws -> [UInt8] {
    path == "-"
      ? try FileDescriptorIO.readAll(0, path: "standard input")
      : try FileDescriptorIO.readFile(atPath: path)
  }

  /// Reads a key file named by its system path (resolved under `--root`), telling a missing
  /// file from an unreadable one as qmail's control_readfile does, and judging it as the
  /// signing users (qmail-dk's) meet it: a directory on the way or the key they may not
  /// read makes it unreadable, whatever toaster-dk itself may read.
  func readKey(systemPath: String, signers: [SignerAccount]) -> QmailDK.KeyFile {
    let root = files.rootOptions.paths.root
    let path = files.rootOptions.paths.resolve(systemPath)
    let file = KeyFileReader.read(path: path, as: .dryRun)
    switch file {
    case .contents, .notFound: break
    case .unreadable, .notReadableByDryRun: return file
    }
    guard
      case .blocked(let blocker) = KeyStore.signerVerdict(
        forFileAt: path, below: root, signers: signers)
    else { return file }
    return .unreadable("\(blocker): run toaster-dk domain fix-perms")
  }

  /// A resolver that derives records from this host's private keys under `--root`.
  var localKeys: LocalKeyResolver {
    KeyFileReader.localKeys(in: files.rootOptions.paths.domainKeys, as: .dryRun)
  }
}
