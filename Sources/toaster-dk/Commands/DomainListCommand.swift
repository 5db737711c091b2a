import ArgumentParser
import KeyStore

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
      """)

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var signer: SignerOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let inventory = try KeyStore(paths: rootOptions.paths).inventory(
        owner: ownership.owner, group: ownership.group, signerNames: signer.names,
        templateSelectors: rootOptions.dkSignSelectors)
      print(
        output.json ? InventoryRenderer.json(inventory).text : InventoryRenderer.text(inventory),
        terminator: output.json ? "\n" : "")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
