import TcpRules
import ToasterSupport

extension RootOptions {
  /// The selectors of tcp.smtp's DKSIGN templates, to check key names against; none when
  /// tcp.smtp is missing or does not parse (`rules lint` reports that).
  var dkSignSelectors: [String] {
    let path = paths.rulesFile
    guard let bytes = try? FileDescriptorIO.readFile(atPath: path),
      let file = try? RulesFile.parse(bytes, path: path)
    else { return [] }
    return file.signTemplates.map(\.selector)
  }
}
