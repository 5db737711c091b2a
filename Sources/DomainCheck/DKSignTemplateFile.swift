import TcpRules
import ToasterSupport

/// The DKSIGN templates of a tcp.smtp file, each with its line.
enum DKSignTemplateFile {
  /// Every valid DKSIGN template of the rules at `path`, in line order; a missing or
  /// unparsable file gives none, with a note saying so.
  static func uses(path: String) -> (uses: [TemplateUse], note: String?) {
    let bytes: [UInt8]
    do {
      bytes = try FileDescriptorIO.readFile(atPath: path)
    } catch let error as SystemError where error.isNotFound {
      return ([], "no \(path): only the keys in the key directory are checked")
    } catch {
      return ([], "\(error): only the keys in the key directory are checked")
    }
    guard let file = try? RulesFile.parse(bytes, path: path) else {
      return (
        [],
        "\(path) does not parse (toaster-dk rules lint shows why): its DKSIGN selectors"
          + " are not checked"
      )
    }
    var uses: [TemplateUse] = []
    for (line, rule) in file.rules {
      for assignment in rule.assignments where assignment.nameText == "DKSIGN" {
        guard let template = try? DKSignTemplate(assignment.valueText) else { continue }
        uses.append(
          TemplateUse(
            path: path, line: line, template: template.text, selector: template.selector))
      }
    }
    return (uses, nil)
  }
}
