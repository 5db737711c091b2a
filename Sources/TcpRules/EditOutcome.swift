import ToasterSupport

/// What an edit of tcp.smtp did, or would do under `--dry-run`.
public struct EditOutcome: Equatable, Sendable {
  /// Which lines the change touched.
  public let summary: EditSummary
  /// The unified diff between the old and new file (empty when nothing changed).
  public let diff: UnifiedDiff
  /// True when tcp.smtp was rewritten.
  public let written: Bool
  /// How many records the recompiled cdb holds, when it was recompiled.
  public let records: Int?
  /// When tcp.smtp was left as it was but its cdb was not current: what the cdb was (it
  /// was then recompiled, unless the edit was told not to compile).
  public let cdbWas: RulesReport.CDBState?
  /// What the lint checks say about the edited variable on the selected rules (a setting
  /// that does nothing there, or not what it seems).
  public let diagnostics: [Diagnostic]

  /// Creates an outcome.
  public init(
    summary: EditSummary, diff: UnifiedDiff, written: Bool, records: Int?,
    cdbWas: RulesReport.CDBState? = nil, diagnostics: [Diagnostic] = []
  ) {
    self.summary = summary
    self.diff = diff
    self.written = written
    self.records = records
    self.cdbWas = cdbWas
    self.diagnostics = diagnostics
  }

  /// True when the change altered the file's bytes (whether or not it was written).
  public var changed: Bool { !diff.text.isEmpty }
}
