import Foundation

/// A QmailToaster-like tree in a temp directory, for `--root` tests and the demo.
public struct Sandbox: Sendable {
  /// The temp directory holding the tree; pass its path as `--root`.
  public let directory: TempDirectory

  /// The root path, for `--root`.
  public var root: String { directory.path }

  /// The stock QmailToaster rules: relaying for localhost, one catch-all rule.
  public static let stockRules = """
    # tcp.smtp for a qmail toaster
    127.:allow,RELAYCLIENT=""
    :allow,BADMIMETYPE="",BADLOADERTYPE="M",QMAILQUEUE="/var/qmail/bin/simscan"

    """

  /// Creates the tree: tcp.smtp with `rules`, qmail-queue.orig, qmail-queue → qmail-dk.
  public init(rules: String = Sandbox.stockRules) throws {
    directory = try TempDirectory(prefix: "toaster-dk-sandbox")
    try directory.write(rules, to: "etc/tcprules.d/tcp.smtp")
    try directory.write("#!/bin/sh\nexit 0\n", to: "var/qmail/bin/qmail-queue.orig")
    chmod(directory.join("var/qmail/bin/qmail-queue.orig"), 0o755)
    try directory.write("", to: "var/qmail/bin/qmail-dk")
    try FileManager.default.createSymbolicLink(
      atPath: directory.join("var/qmail/bin/qmail-queue"), withDestinationPath: "qmail-dk")
    try FileManager.default.createDirectory(
      atPath: directory.join("var/qmail/control/domainkeys"), withIntermediateDirectories: true)
  }

  /// The path of `relative` inside the sandbox.
  public func join(_ relative: String) -> String { directory.join(relative) }

  /// Runs the built toaster-dk with `arguments` plus `--root` and this sandbox.
  ///
  /// - Throws: when the binary cannot be started.
  public func run(_ arguments: [String], stdin: [UInt8] = []) throws -> ProcessResult {
    try BuiltBinary.run(arguments + ["--root", root], stdin: stdin)
  }

  /// The result as a transcript with the sandbox path replaced by `$ROOT`, so golden
  /// files do not depend on the temp directory's name.
  public func transcript(_ result: ProcessResult) -> String {
    result.description.replacingOccurrences(of: root, with: "$ROOT")
  }

  /// Removes the tree.
  public func remove() { directory.remove() }
}
