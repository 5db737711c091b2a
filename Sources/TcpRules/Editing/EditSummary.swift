/// What an edit did, by line number.
public struct EditSummary: Equatable, Hashable, Sendable {
  /// The lines whose bytes changed.
  public var changedLines: [Int]
  /// The selected lines that already said what was asked.
  public var unchangedLines: [Int]
  /// The selected deny lines, left alone.
  public var skippedDenyLines: [Int]

  /// Creates a summary.
  public init(changedLines: [Int], unchangedLines: [Int], skippedDenyLines: [Int]) {
    self.changedLines = changedLines
    self.unchangedLines = unchangedLines
    self.skippedDenyLines = skippedDenyLines
  }

  /// Whether the file is byte for byte what it was.
  public var isUnchanged: Bool { changedLines.isEmpty }
}
