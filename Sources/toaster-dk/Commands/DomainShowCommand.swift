import ArgumentParser
import KeyStore

/// `toaster-dk domain show`: one domain's keys and the records to publish for each.
struct DomainShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one domain's keys, their problems and the DNS records to publish.")

  @OptionGroup var rootOptions: RootOptions
  @OptionGroup var target: DomainArgument
  @OptionGroup var ownership: KeyOwnershipOptions
  @OptionGroup var signer: SignerOptions
  @OptionGroup var records: RecordOutputOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    do {
      let inventory = try KeyStore(paths: rootOptions.paths).inventory(
        domain: target.domain, owner: ownership.owner, group: ownership.group,
        signerNames: signer.names, templateSelectors: rootOptions.dkSignSelectors)
      let options = try records.options()
      if output.json {
        return output.printJSON(InventoryRenderer.json(inventory, records: options))
      }
      print(
        InventoryRenderer.text(inventory, records: options, format: records.format), terminator: "")
    } catch {
      throw ExitStatus.report(error)
    }
  }
}
