import ArgumentParser
import KeyStore
import QmailControl

/// `toaster-dk domain list`: every domain and selector, and what needs fixing.
struct DomainListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List every domain's keys: algorithm, size, fingerprint, permissions, problems.",
    discussion: """
      Each line shows the key's algorithm and size, its fingerprint (sha256 of the DER \
      public key, as 'openssl pkey -pubout -outform DER | sha256sum' prints it), its mode \
      and owner, and 'ok' or 'needs-attention' with the fixes indented below. Weak keys \
      from old dknewkey (384-768 bits) are flagged, and so is every key the signing user \
      (--signer-user) cannot reach or read as qmail-dk must, and a key whose selector \
      differs only in case from a DKSIGN selector in tcp.smtp. An alias domain (a link to \
      another domain's directory beside it) is listed as 'alias of' that domain.

      With --served, lists instead every domain this toaster receives mail for (from \
      control/rcpthosts, morercpthosts.cdb, virtualdomains and vpopmail's users/assign), \
      with its keys, 'no-key', or 'alias-of REAL' for a vpopmail alias domain, and the \
      file:line of each listing; exit status 65 when a file has a line that is not a domain.
      """)

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var signer: SignerOptions
  @OptionGroup var output: OutputOptions
  @Flag(help: "List the domains qmail and vpopmail serve, with and without keys.")
  var served = false
  @OptionGroup var servedOptions: ServedDomainOptions

  func run() throws {
    do {
      if served { return try listServed() }
      let inventory = try KeyStore(paths: rootOptions.paths).inventory(
        owner: ownership.owner, group: ownership.group, signerNames: signer.names,
        templateSelectors: rootOptions.dkSignSelectors)
      if output.json { return output.printJSON(InventoryRenderer.json(inventory)) }
      print(InventoryRenderer.text(inventory), terminator: "")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}

extension DomainListCommand {
  fileprivate func listServed() throws {
    let served = try servedOptions.read(
      rootOptions, quiet: output.quiet || output.json, notes: true)
    let presence = try KeyStore(paths: rootOptions.paths).keyPresence(
      of: served.domains.map(\.domain))
    if output.json {
      output.printJSON(ServedDomainsRenderer.json(served, presence))
    } else {
      print(ServedDomainsRenderer.text(served, presence), terminator: "")
      if !output.quiet {
        DiagnosticPrinter.printNote(ServedDomainsRenderer.summary(served, presence))
      }
    }
    // A line that names no domain is bad input, as rules lint's findings are.
    if served.hasErrors { throw ExitStatus.dataError.exitCode }
  }
}
