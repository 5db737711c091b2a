import Foundation

/// A zone signed by the real `dnssec-signzone` with fresh keys from `dnssec-keygen`, and the
/// trust anchor that validates it (its key-signing key).
public struct SignedZone: Sendable {
  /// The signed zone, one record per line (`dnssec-signzone -O full`).
  public let text: String
  /// The trust anchor: the key-signing key's DNSKEY record, in unbound's trust-anchor-file
  /// format.
  public let anchor: String

  /// Why DNSSEC tests must be skipped, or nil when the signing tools and named are there.
  public static var missing: String? {
    RealBinary.missingReason("dnssec-keygen", "dnssec-signzone")
      ?? LoopbackDNS.missing("named")
  }

  /// Signs `zone` (a zone file's text for `origin`) with a new ECDSA P-256 key pair (KSK and
  /// ZSK), with NSEC records for the negative answers.
  ///
  /// - Throws: when a tool fails; the error carries its output.
  public static func sign(_ zone: String, origin: String) throws -> SignedZone {
    let directory = try TempDirectory(prefix: "dnssec")
    defer { directory.remove() }
    try directory.write(zone, to: "zone.db")
    var anchor = ""
    for role in [["-f", "KSK"], []] {
      let made = try tool(
        "dnssec-keygen", ["-q", "-a", "ECDSAP256SHA256"] + role + [origin], in: directory)
      let name = made.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
      if !role.isEmpty {
        anchor = String(decoding: try directory.read(name + ".key"), as: UTF8.self)
      }
    }
    _ = try tool(
      "dnssec-signzone",
      ["-S", "-O", "full", "-K", ".", "-o", origin, "-f", "zone.signed", "zone.db"],
      in: directory)
    let signed = String(decoding: try directory.read("zone.signed"), as: UTF8.self)
    return SignedZone(text: signed, anchor: anchor)
  }

  /// The zone with one byte of the signature over `owner`'s `type` records changed, so a
  /// validator finds it bogus while the records themselves are as signed.
  ///
  /// - Throws: when the zone has no such signature.
  public func tamperingSignature(owner: String, type: String) throws -> String {
    var found = false
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      // owner ttl IN RRSIG type alg labels ttl expire inception tag signer signature…
      guard !found, fields.count > 12, fields[0] == Substring(owner), fields[3] == "RRSIG",
        fields[4] == Substring(type)
      else { return String(line) }
      found = true
      var signature = Array(fields[12])
      signature[4] = signature[4] == "A" ? "B" : "A"
      return (fields[0..<12] + [Substring(String(signature))] + fields[13...])
        .joined(separator: " ")
    }
    guard found else { throw LoopbackDNSError(text: "no RRSIG \(type) at \(owner) to tamper with") }
    return lines.joined(separator: "\n")
  }

  private static func tool(_ name: String, _ arguments: [String], in directory: TempDirectory)
    throws -> ProcessResult
  {
    guard let path = RealBinary.find(name) else {
      throw LoopbackDNSError(text: "not installed: \(name)")
    }
    let result = try ProcessRunner.run(path, arguments, currentDirectory: directory.path)
    guard result.status == 0 else { throw LoopbackDNSError(text: "\(name): \(result)") }
    return result
  }
}
