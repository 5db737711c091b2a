import ArgumentParser
import DKEngine
import FoundationEssentials
import TcpRules
import ToasterSupport

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
  /// file from an unreadable one as qmail's control_readfile does.
  func readKey(systemPath: String) -> QmailDK.KeyFile {
    Self.readKey(path: files.rootOptions.paths.resolve(systemPath))
  }

  /// Reads a key file by path.
  static func readKey(path: String) -> QmailDK.KeyFile {
    do {
      return .contents(try FileDescriptorIO.readFile(atPath: path))
    } catch let error as SystemError where error.isNotFound {
      return .notFound
    } catch {
      return .unreadable("\(error)")
    }
  }

  /// A resolver that derives records from this host's private keys under `--root`.
  var localKeys: LocalKeyResolver {
    let directory = files.rootOptions.paths.domainKeys
    return LocalKeyResolver { selector, domain in
      let exact = Self.readKey(path: "\(directory)/\(domain)/\(selector)")
      guard case .notFound = exact else { return exact }
      return Self.readKey(path: "\(directory)/\(domain.lowercased())/\(selector)")
    }
  }
}
