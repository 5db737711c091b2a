#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns message arguments into message files: a directory stands for the messages in it.
///
/// Listing a directory here, rather than in argv, keeps thousands of messages out of the
/// argument parser, which handles long argument lists slowly.
public enum MessagePaths {
  /// Each argument, with every directory replaced by its messages in sorted order.
  ///
  /// A Maildir (a directory with `cur/` or `new/`) gives the files of `cur/`, then of `new/`;
  /// `tmp/`, where deliveries are still being written, is skipped. Any other directory gives
  /// its regular files. Names starting with a dot are skipped and nothing is searched
  /// recursively (Maildir++ folders are directories of their own). Other arguments, `-`
  /// included, are kept as given.
  /// - Throws: `SystemError` when a directory cannot be read.
  public static func expand(_ arguments: [String]) throws -> [String] {
    var paths: [String] = []
    for argument in arguments {
      var info = stat()
      guard argument != "-", stat(argument, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
        paths.append(argument)
        continue
      }
      let directory = try Directory(path: argument)
      let parts = try ["cur", "new"].filter { try isDirectory($0, in: directory) }
      if parts.isEmpty {
        paths += try files(in: directory)
      } else {
        for part in parts { paths += try files(in: try directory.subdirectory(part)) }
      }
    }
    return paths
  }

  private static func files(in directory: Directory) throws -> [String] {
    try directory.entryNames().filter { name in
      guard !name.hasPrefix("."), let info = try directory.status(of: name) else { return false }
      return info.st_mode & S_IFMT == S_IFREG
    }
    .map(directory.join)
  }

  private static func isDirectory(_ name: String, in directory: Directory) throws -> Bool {
    guard let info = try directory.status(of: name) else { return false }
    return info.st_mode & S_IFMT == S_IFDIR
  }
}
