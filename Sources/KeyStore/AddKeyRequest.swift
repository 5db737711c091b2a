public import LibCrypto

/// What `domain add` should create.
public struct AddKeyRequest: Sendable {
  /// The domain.
  public var domain: DomainName
  /// The selector (the key's file name).
  public var selector: SelectorName
  /// The kind and size of key.
  public var spec: KeySpec
  /// Owner, group and key mode.
  public var ownership: KeyOwnership
  /// True to replace an existing key (the old one is kept in `.removed`).
  public var force: Bool
  /// How to render the records to publish.
  public var recordOptions: RecordOptions
  /// Seconds since the epoch, for the backup name of a replaced key.
  public var timestamp: Int
  /// A key to store instead of a new one (imported from another signer); `spec` is then
  /// not used.
  public var existingKey: PrivateKey? = nil

  /// Creates a request.
  public init(
    domain: DomainName, selector: SelectorName = .toasterDefault, spec: KeySpec,
    ownership: KeyOwnership, force: Bool = false, recordOptions: RecordOptions, timestamp: Int
  ) {
    self.domain = domain
    self.selector = selector
    self.spec = spec
    self.ownership = ownership
    self.force = force
    self.recordOptions = recordOptions
    self.timestamp = timestamp
  }
}

/// What `domain add` did.
public struct AddKeyResult: Sendable {
  /// The private key's path.
  public let keyPath: String
  /// The record file's path.
  public let recordPath: String
  /// Where the replaced key was kept, when `force` replaced one.
  public let backupPath: String?
  /// The records to publish.
  public let records: DomainRecordSet
}
