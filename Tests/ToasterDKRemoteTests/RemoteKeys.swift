/// A throw-away 1024-bit test key (the one the CLI tests use), fixed so DomainKeys
/// signatures are the same from run to run.
enum RemoteKeys {
  static let rsa1024 = """
    -----BEGIN PRIVATE KEY-----
    MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAMiZWbc0gISDrEV7
    ieyfJAspqyD7HRciyYvjQKlw/ZAyNiNigNUwF8htShKPDox1u1ZBtqtvHqmo3Zdl
    aPhzSrU2JhGWEqYv4TAvVRIIxL67ecuwZ/MR8c7GFJSFHLJLQrZ3ZSZn8FgLwOD8
    826bkkHjqcQeRZhqmHQdMOX9SoHXAgMBAAECgYEAoWCVB0jqdzDCv2ciT0S7p2tP
    K4o5Heqzf6FD3Mx0gLOUUCUnhdpZ17jsVT/XMXJpUnwtK3+KiGy8T9aaev2tQ+wQ
    xEvLHYv8jFHW2Pyz0oWD2DeoAcOlJAnZrgWMrLW4eXnsYOmUfcLAYTI60ldBIYAL
    Ow99pU93hlRj5Fz/2gECQQDt0Zph7jpjBzs3vx/ISA7ykTG2U0D86QDVmbTQZ0iR
    ro0hzu00x0kHEjw5EoALvyUG8xDHarCVU/JYKFxuMybXAkEA1+9QD2wn056dlGK9
    hwoTJcAGWcXzbNpFLrIaB6NpgmT0ZuDQwIECv0GzFM0pf5DhEKUvnmw216DSaUvL
    ALcdAQJAdI1wQySVGul1XUnfErI2GS2NlpTQ2eJ71TOCiUzFJRjN9E7MtDwjD0Mh
    nrrxZFBmnjRL+d/Q8S52LDyDqEKLewJAMvfUsN85g1TEIxsvWymAnX92wEfeDkpy
    2/PD+xuSMun7WjEkdNu+t0AdsgI/ElIzHYev9rfaNglKwPnX38JZAQJADsIvVq8k
    32cKS07W6sSiyhRympPlXYZqKvErXX1/zPMwxL8YCJ0Itgvos9/Ux65bF+g9gTtf
    u5mV4TF79SeBjw==
    -----END PRIVATE KEY-----

    """

  /// A throw-away Ed25519 key (the one the CLI tests use).
  static let ed25519 = """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIK6oA+Sgx8f1ER0rrSBaiGDKJ+gBD3ihIf4M/gYx8Td2
    -----END PRIVATE KEY-----

    """
}
