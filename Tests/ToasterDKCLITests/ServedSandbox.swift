import Foundation
import TestSupport

/// A toaster serving 120 domains spread over qmail's and vpopmail's lists.
///
/// d000–d039 are in rcpthosts (some upper case, one CRLF line), d040–d079 in
/// morercpthosts.cdb (made by the real `cdb -c`), d080–d099 in virtualdomains (d000–d009
/// too), d100–d114 and d000–d004 in users/assign, with a000–a004 as vpopmail aliases of
/// d000–d004. Wildcards, localhost and exceptions name no domain.
struct ServedSandbox {
  static let control = "var/qmail/control"
  static let keys = "var/qmail/control/domainkeys"

  let sandbox: Sandbox

  /// The domains that must get keys.
  static let realDomains = (0..<115).map { name($0) }
  /// The alias domains and their real domains.
  static let aliases = (0..<5).map { ("a\(digits($0)).example", name($0)) }

  static func name(_ index: Int) -> String { "d\(digits(index)).example" }

  private static func digits(_ index: Int) -> String {
    String(repeating: "0", count: 3 - String(index).count) + String(index)
  }

  init() throws {
    sandbox = try Sandbox()
    var rcpthosts = "# domains of this toaster\nlocalhost\n\n.wild.example\n"
    for index in 0..<40 {
      let name = Self.name(index)
      rcpthosts += (index % 7 == 0 ? name.uppercased() : name) + (index == 39 ? "\r\n" : "\n")
    }
    try sandbox.directory.write(rcpthosts, to: "\(Self.control)/rcpthosts")
    var virtual = ".sub.example:sub\nexception.sub.example:\n"
    for index in Array(80..<100) + Array(0..<10) {
      virtual += "\(Self.name(index)):\(Self.name(index))\n"
    }
    try sandbox.directory.write(virtual, to: "\(Self.control)/virtualdomains")
    var assign = ""
    for index in Array(0..<5) + Array(100..<115) {
      assign += Self.assignLine(Self.name(index), real: Self.name(index))
    }
    for (alias, real) in Self.aliases { assign += Self.assignLine(alias, real: real) }
    assign += "=postmaster@d100.example:vpopmail:89:89:/home/vpopmail:::\n.\n"
    try sandbox.directory.write(assign, to: "home/vpopmail/users/assign")
    try makeCDB((40..<80).map { Self.name($0) } + [".wild2.example"])
  }

  private static func assignLine(_ domain: String, real: String) -> String {
    "+\(domain)-:\(real):89:89:/home/vpopmail/domains/\(real):-::\n"
  }

  private func makeCDB(_ hosts: [String]) throws {
    guard let cdb = RealBinary.find("cdb") else { throw ServedSandboxError.missingCDB }
    var input = ""
    for host in hosts { input += "+\(host.utf8.count),0:\(host)->\n" }
    let result = try ProcessRunner.run(
      cdb, ["-c", sandbox.join("\(Self.control)/morercpthosts.cdb")],
      stdin: Array((input + "\n").utf8))
    if result.status != 0 { throw ServedSandboxError.cdbFailed(result.description) }
  }

  /// The domain directories in the key tree (hidden ones aside).
  func keyDirectories() -> [String] {
    directoryEntries(sandbox.join(Self.keys)).filter { !$0.hasPrefix(".") }
  }

  /// Every path under the key tree with its size, mode, inode and modification time.
  func treeState() throws -> [String] {
    let root = sandbox.join(Self.keys)
    let names = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
    return try names.map { name in
      var info = stat()
      guard lstat(root + "/" + name, &info) == 0 else { throw POSIXError(.ENOENT) }
      return "\(name) \(info.st_size) \(info.st_mode) \(info.st_ino) \(info.st_mtim.tv_nsec)"
    }
  }

  func remove() { sandbox.remove() }
}

enum ServedSandboxError: Error {
  case missingCDB
  case cdbFailed(String)
}
