// libFuzzer target for the readers of qmail's and vpopmail's domain lists (rcpthosts,
// morercpthosts and its cdb keys, virtualdomains, users/assign), which `domain list
// --served` and `domain add --all` read from the live system. Beyond "no crash": every
// domain found is a valid name that occurs in the input (case aside), at a line the input
// has, and the combined list renders as text, summary and JSON.
// Build and run with Scripts/fuzz.sh; it is not part of the package build.
import KeyStore
import QmailControl

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let input = String(decoding: bytes, as: UTF8.self).lowercased()
  let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
  let hosts = HostList.parse(bytes, path: "rcpthosts")
  let keys = HostList.parse(cdbKeys: lines.prefix(64).map { Array($0) }, path: "mrh.cdb")
  let virtual = VirtualDomains.parse(bytes, path: "virtualdomains")
  let assign = UsersAssign.parse(bytes, path: "assign")
  for list in [hosts, keys, virtual] {
    for listed in list.domains { check(listed.domain, listed.location.line, input, lines.count) }
  }
  for assigned in assign.domains {
    check(assigned.domain, assigned.location.line, input, lines.count)
  }
  let served = ServedDomains(lists: [hosts, keys, virtual], assign: assign)
  var presence: [DomainName: KeyPresence] = [:]
  for (index, domain) in served.realDomains.enumerated() {
    presence[domain] = [.keys(["private"]), .link, .notDirectory][index % 3]
  }
  _ = ServedDomainsRenderer.text(served, presence)
  _ = ServedDomainsRenderer.summary(served, presence)
  _ = ServedDomainsRenderer.json(served, presence)
  return 0
}

private func check(_ domain: DomainName, _ line: Int, _ input: String, _ lineCount: Int) {
  precondition(DomainName.isValid(domain.text), "invalid domain \(domain) was listed")
  precondition(input.contains(domain.text.lowercased()), "\(domain) is not in the input")
  precondition((1...max(lineCount, 1)).contains(line), "\(domain) at line \(line)")
}
