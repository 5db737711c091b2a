import ArgumentParser
import KeyStore

/// `--all`, `--missing`, `--dry-run` and `--vpopmail-home`: `domain add` for every served domain.
struct BulkAddOptions: ParsableArguments {
  @Flag(
    help: "Make a key for every served domain that has none; print the records of all of them.")
  var all = false
  @Flag(help: "Make a key for every served domain that has none; print only the new records.")
  var missing = false
  @Flag(help: "With --all or --missing: say which keys would be made and write nothing.")
  var dryRun = false
  @OptionGroup var served: ServedDomainOptions

  /// True for `--all` or `--missing`.
  var isBulk: Bool { all || missing }

  /// Checks that exactly one of a domain, `--all` and `--missing` is given.
  func validate(domain: DomainName?, force: Bool) throws {
    if all && missing { throw ValidationError("give --all or --missing, not both") }
    if isBulk && domain != nil {
      throw ValidationError("give a domain, or --all or --missing for every served domain")
    }
    if !isBulk && domain == nil {
      throw ValidationError("missing domain: give a domain, or --all or --missing")
    }
    if isBulk && force { throw ValidationError("--force replaces one key: give the domain") }
    if dryRun && !isBulk { throw ValidationError("--dry-run goes with --all or --missing") }
  }
}
