import ToasterSupport

/// Reads qmail control files the filter needs, as qmail's `control_readline` does: the
/// first line, without trailing spaces, tabs or CR.
public enum ControlFileReader {
  /// The first line of `path` (a resolved path; `displayPath` names it in errors).
  ///
  /// A missing, unreadable or empty file is `.unreadableControlFile`: qmail itself does not
  /// run without control/me, so neither does verification.
  public static func firstLine(path: String, displayPath: String) -> Result<
    String, FilterFailure
  > {
    let bytes: [UInt8]
    do {
      bytes = try FileDescriptorIO.readFile(atPath: path)
    } catch let error as SystemError {
      return .failure(.unreadableControlFile(path: displayPath, reason: error.reason))
    } catch {
      return .failure(.unreadableControlFile(path: displayPath, reason: "\(error)"))
    }
    var line = bytes.prefix { $0 != 0x0A }
    while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D {
      line = line.dropLast()
    }
    guard !line.isEmpty else {
      return .failure(.unreadableControlFile(path: displayPath, reason: "its first line is empty"))
    }
    return .success(String(decoding: line, as: UTF8.self))
  }
}
