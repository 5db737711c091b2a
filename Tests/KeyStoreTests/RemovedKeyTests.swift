import KeyStore
import Testing

@Suite struct RemovedKeyTests {
  static let stamp = "20260101T094500Z"

  @Test func findsDomainAndSelectorBackupsWithTheirRecords() {
    let entries: [(name: String, isDirectory: Bool)] = [
      ("example.com.\(Self.stamp)", true),
      ("example.com.\(Self.stamp).1", true),
      ("example.com.private.\(Self.stamp)", false),
      ("example.com.private.\(Self.stamp).private.txt", false),
      ("example.com.private.\(Self.stamp).public.txt", false),
      ("example.com.s2.\(Self.stamp).2", false),
      ("example.com.s2.\(Self.stamp).2.s2.txt", false),
      ("example.com.au.\(Self.stamp)", true),
      ("example.com.au.private.\(Self.stamp)", false),
      ("example.org.\(Self.stamp)", true),
    ]
    let found = RemovedKey.find(domain: "example.com", in: entries)
    #expect(
      found.map(\.description) == [
        "\(Self.stamp) (whole domain)", "\(Self.stamp).1 (whole domain)",
        "\(Self.stamp) (selector private)", "\(Self.stamp).2 (selector s2)",
      ])
    #expect(found[2].records.map(\.name) == ["private.txt", "public.txt"])
    #expect(found[3].records.map(\.entry) == ["example.com.s2.\(Self.stamp).2.s2.txt"])
    #expect(RemovedKey.find(domain: "example.com.au", in: entries).count == 2)
  }

  @Test func ignoresNamesThatAreNotBackups() {
    let entries: [(name: String, isDirectory: Bool)] = [
      ("example.com.notastamp", true),
      ("example.com.20260101T0945Z", true),
      ("example.com.private.\(Self.stamp).other.txt", false),
      ("example.com.\(Self.stamp).x", true),
    ]
    #expect(RemovedKey.find(domain: "example.com", in: entries).isEmpty)
  }

  @Test func aDigitSelectorIsNotTakenForASequenceNumber() {
    let entries: [(name: String, isDirectory: Bool)] = [
      ("example.com.2024.\(Self.stamp)", false),
      ("example.com.2024.\(Self.stamp).2024.txt", false),
    ]
    let found = RemovedKey.find(domain: "example.com", in: entries)
    #expect(found.map(\.description) == ["\(Self.stamp) (selector 2024)"])
    #expect(found.first?.records.map(\.name) == ["2024.txt"])
  }
}
