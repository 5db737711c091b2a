import ArgumentParser
import Testing

@testable import toaster_dk

/// The domain commands share one domain argument: the same check, normal form and message.
struct DomainArgumentTests {
  /// The domain `command` parsed from `arguments`, or ArgumentParser's message.
  private func parsed(_ command: any ParsableCommand.Type, _ arguments: [String]) -> String {
    do {
      let parsed = try command.parseAsRoot(arguments)
      switch parsed {
      case let show as DomainShowCommand: return "domain \(show.target.domain)"
      case let dns as DomainDNSCommand: return "domain \(dns.target.domain)"
      case let remove as DomainRemoveCommand: return "domain \(remove.keys.domain)"
      default: return "unexpected \(parsed)"
      }
    } catch {
      return command.message(for: error)
    }
  }

  @Test(arguments: ["Example.COM.", "a/b.example.com", "..", ""])
  func showTakesTheDomainAsDNSAndRemoveDo(argument: String) {
    let show = parsed(DomainShowCommand.self, [argument])
    #expect(show == parsed(DomainDNSCommand.self, [argument]))
    #expect(show == parsed(DomainRemoveCommand.self, [argument]))
    if argument == "Example.COM." { #expect(show == "domain example.com") }
  }
}
