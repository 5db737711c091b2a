import ArgumentParser
import DKEngine
import FoundationEssentials
import KeyStore
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
      valueName: "ip"))
  var clientIP = "127.0.0.1"

  @OptionGroup var files: RulesFileOptions

  /// The environment the client's rule sets, looked up in the compiled cdb as tcpserver does.
  func environment() throws -> QmailDKEnvironment {
    let lookup = try files.store.check(Connection(ip: clientIP)).lookup
    var variables: [String: String] = [:]
    for (name, value) in lookup.ruleData.environment {
      variables[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
    }
    return QmailDKEnvironment(variables)
  }

  /// A message file, or standard input for `-`, mapped rather than read when it is a file.
  func readMessage(_ path: String) throws -> MessageBytes {
    let file =
      path == "-"
      ? try MappedFile(descriptor: 0, path: "standard input") : try MappedFile(path: path)
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
    let file = Self.readKey(path: path)
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

  /// Reads a key file by path; permission denied to toaster-dk itself is told apart, as it
  /// says nothing of qmail-dk.
  static func readKey(path: String) -> QmailDK.KeyFile {
    do {
      return .contents(try FileDescriptorIO.readFile(atPath: path))
    } catch let error as SystemError where error.isNotFound {
      return .notFound
    } catch let error as SystemError where error.code == EACCES || error.code == EPERM {
      return .notReadableByDryRun("\(error)")
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

  /// Writes a result, given in pieces, to standard output, or atomically to `output`.
  func emit(_ parts: [MessageBytes], to output: String?) throws {
    guard let output else { return try Self.write(parts, to: 1, path: "standard output") }
    let slash = output.lastIndex(of: "/")
    let directory = slash.map { String(output[..<$0]) } ?? "."
    let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
    try AtomicFile.replace(
      named: name, in: try Directory(path: directory.isEmpty ? "/" : directory, for: .writing)
    ) { fd, path in try Self.write(parts, to: fd, path: path) }
  }

  // In chunks, so a mapped message is written without all of it in memory at once.
  private static func write(_ parts: [MessageBytes], to fd: Int32, path: String) throws {
    for part in parts {
      try part.forEachChunk { try FileDescriptorIO.writeAll(fd, $0, path: path) }
    }
  }
}
