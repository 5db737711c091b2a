extension DKVerifyPolicy {
  /// Everything wrong with a DKVERIFY value, for linters: invalid letters, or the
  /// warnings of a valid policy (A/a, K without J, both cases of one letter).
  public static func problems(in value: String) -> [String] {
    do {
      return try DKVerifyPolicy(letters: value).warnings
    } catch {
      return [error.description]
    }
  }
}
