/// What `domain add --all` or `--missing` should create: one key for each domain lacking one.
public struct BulkAddRequest: Sendable {
  /// The domains that get keys, in the order to make them.
  public var domains: [DomainName]
  /// Alias domains and the real domain each belongs to; they get no key of their own.
  public var aliases: [(alias: DomainName, of: DomainName)]
  /// The selector (the key's file name) each domain gets.
  public var selector: SelectorName
  /// The kind and size of key.
  public var spec: KeySpec
  /// Owner, group and key mode.
  public var ownership: KeyOwnership
  /// How to render the records to publish.
  public var recordOptions: RecordOptions
  /// True to return the records of domains that already had a key as well (`--all`).
  public var includeExisting: Bool
  /// True to report what would be created and write nothing.
  public var dryRun: Bool
  /// Seconds since the epoch.
  public var timestamp: Int

  /// Creates a request.
  public init(
    domains: [DomainName], aliases: [(alias: DomainName, of: DomainName)] = [],
    selector: SelectorName = .toasterDefault, spec: KeySpec, ownership: KeyOwnership,
    recordOptions: RecordOptions, includeExisting: Bool, dryRun: Bool, timestamp: Int
  ) {
    self.domains = domains
    self.aliases = aliases
    self.selector = selector
    self.spec = spec
    self.ownership = ownership
    self.recordOptions = recordOptions
    self.includeExisting = includeExisting
    self.dryRun = dryRun
    self.timestamp = timestamp
  }
}

/// What `domain add --all` did, domain by domain.
public struct BulkAddResult: Sendable {
  /// What happened to one domain.
  public enum Outcome: Sendable {
    /// A key was made.
    case created(AddKeyResult)
    /// The domain already had a key; its records when they were asked for.
    case existing(keyPath: String, records: DomainRecordSet?)
    /// A dry run: a key would be made here.
    case wouldCreate(keyPath: String)
    /// An alias domain: no key of its own.
    case alias(of: DomainName)
    /// Making (or reading) this domain's key failed; the others went on.
    case failed(KeyStoreError)
  }

  /// One domain's outcome.
  public struct Entry: Sendable {
    /// The domain.
    public let domain: DomainName
    /// What happened.
    public let outcome: Outcome
  }

  /// Every domain, in request order, aliases last.
  public let entries: [Entry]

  /// The domains that failed.
  public var failures: [Entry] {
    entries.filter { if case .failed = $0.outcome { true } else { false } }
  }

  /// The records to publish, created keys and (with `includeExisting`) existing ones.
  public var recordSets: [DomainRecordSet] {
    entries.compactMap {
      switch $0.outcome {
      case .created(let result): result.records
      case .existing(_, let records): records
      default: nil
      }
    }
  }
}
