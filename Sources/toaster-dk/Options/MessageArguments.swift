import ArgumentParser
import ToasterSupport

/// The message files a dry run reads: files, directories (a Maildir) or `-`.
struct MessageArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Message files or directories (a Maildir's cur/ and new/); '-' for standard input.",
      valueName: "message"))
  var messages: [String]

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp(
      "Refuse a message over this size that is not a regular file (default 64M).",
      discussion: """
        Standard input, pipes and devices are read into memory, so they are read up to this \
        many bytes (a number, or with K, M or G); regular files are mapped and have no limit.
        """,
      valueName: "size"),
    transform: MessageArguments.size)
  var maxSize: Int = MappedFile.defaultLimit

  /// Every message file named, directories expanded in sorted order.
  ///
  /// - Throws: `SystemError` when a directory cannot be read.
  func paths() throws -> [String] { try MessagePaths.expand(messages) }

  /// Runs `check` on each message, in order; with several messages, one that fails is
  /// reported (on standard error, and in its row) and the others are still checked.
  ///
  /// - Throws: what `check` throws when there is only one message.
  func each<Summary>(
    _ paths: [String], showProgress: Bool, _ check: (String) throws -> Summary
  ) throws -> [MessageRow<Summary>] {
    var rows: [MessageRow<Summary>] = []
    for (index, path) in paths.enumerated() {
      if showProgress { DiagnosticPrinter.printProgress(index, of: paths.count) }
      do {
        rows.append(.done(try check(path)))
      } catch {
        guard paths.count > 1 else { throw error }
        let failure = error as? CommandFailure ?? CommandFailure(error)
        if showProgress { DiagnosticPrinter.printProgress(paths.count, of: paths.count) }
        failure.print(json: false)
        rows.append(.failed(path: path, failure))
      }
    }
    if showProgress { DiagnosticPrinter.printProgress(paths.count, of: paths.count) }
    return rows
  }

  private static func size(_ text: String) throws -> Int {
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    let unit = text.last.flatMap { units[Character($0.uppercased())] }
    guard let number = Int(unit == nil ? text : String(text.dropLast())), number > 0,
      number <= Int.max / (unit ?? 1)
    else {
      throw ValidationError("invalid size \(text): give bytes, or a number with K, M or G")
    }
    return number * (unit ?? 1)
  }
}

/// One message of a batch: its result, or the error that stopped it.
enum MessageRow<Summary> {
  case done(Summary)
  case failed(path: String, CommandFailure)

  /// The exit status the row calls for, given whether its result is negative.
  func status(negative: (Summary) -> Bool) -> ExitStatus {
    switch self {
    case .done(let summary): negative(summary) ? .negative : .success
    case .failed(_, let failure): failure.status
    }
  }
}
