public import DKEngine

/// A resolver made on its first lookup and kept: a message with no signature to check
/// never pays for one (a libunbound context, resolv.conf), and one with several makes it
/// once, whatever the number of signatures.
public final class LazyKeyResolver: KeyResolver {
  private let make: () -> any KeyResolver
  private var made: (any KeyResolver)?

  /// How many times `make` ran: 0 before the first lookup, 1 after.
  public private(set) var madeCount = 0

  /// A resolver that calls `make` when the first key record is asked for.
  public init(_ make: @escaping () -> any KeyResolver) {
    self.make = make
  }

  /// The answer of the resolver, made now if this is the first lookup.
  public func lookup(selector: String, domain: String) -> KeyLookup {
    let resolver: any KeyResolver
    if let made {
      resolver = made
    } else {
      resolver = make()
      made = resolver
      madeCount += 1
    }
    return resolver.lookup(selector: selector, domain: domain)
  }
}
