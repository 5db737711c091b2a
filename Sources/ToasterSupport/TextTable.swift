/// Column-aligned text tables for people (`status`, `rotate status`): one owner for how a
/// table is laid out, so every table in the tool reads the same.
public enum TextTable {
  /// The rows as lines, their columns aligned.
  ///
  /// Each cell but a row's last is padded to its column's width, cells are separated by
  /// two spaces, and nothing trails a line. A row may be shorter than the
  /// others (an alias's or a keyless domain's one remark); its last cell is not padded and
  /// does not widen its column, so a long remark never pushes the other rows apart.
  public static func lines(_ rows: [[String]]) -> [String] {
    var widths: [Int] = []
    for row in rows {
      for (column, cell) in row.dropLast().enumerated() {
        if column == widths.count { widths.append(0) }
        widths[column] = max(widths[column], cell.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
      }.joined(separator: "  ")
    }
  }
}
