// No imports: Scripts/fuzz.sh compiles this file into the key-record fuzzer as well.

/// Throw-away test keys shared by the test targets and the fuzzers, fixed so signatures
/// (RSA PKCS#1 v1.5 and Ed25519 are deterministic) and transcripts stay the same.
public enum TestKeys {
  /// A 1024-bit RSA key as PKCS#8 PEM: the key of the CLI and queue-filter tests.
  public static let rsa1024 = """
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

  /// Another 1024-bit RSA key, as the PKCS#1 PEM OpenSSL 1.x dknewkey wrote
  /// (`openssl genrsa -traditional 1024`); the fuzz seed records hold its public half.
  public static let rsa1024PKCS1 = """
    -----BEGIN RSA PRIVATE KEY-----
    MIICXQIBAAKBgQC5Fbhg3YruCosMeXfNvEMcMOtaqqoUyrYQY0sFYFPsM5SjvACk
    LvXKzCDJeuQ3uRdyhX75wNJCwWNvFF+AKNRnfnYgbPgUobRmb79j7gIWFVldB1i6
    CoF0zRbQnv6LZW+tTp3bQQAf52rHSRfFH0AlirplIqN4HkDvYrtPucPtnwIDAQAB
    AoGBAJzNG/Fkf2j/oaGl3qt7zVc60olzgLgwrGHh3RLm8vJvGIRGqDxwVGfE3BoV
    dPcIZibtlg89HmTTtcvLdMT80kSRhrqhY1FN08liIPnOyvTAgh0q3ZaqoIGguchf
    M3V6plTBxOd/yLrfGPu0maDofXtl8CLSn9kqesg2i/tfCIPBAkEA7dZggd3vtYFo
    G7SfI/Sk7SCYlg73k2TosqKCHnUzNesDSzit9sTIrR0cbxiZ5FoCe6G/ypoF+7m0
    Ude8YrcdkQJBAMc4DWp4fwMZvT4qtmeZeUGRXqQfhulQtAulrt9HmcvtF4c1vD1U
    a54QIM57adD6bMdkOOwh2No43zHPH1sNgC8CQAiiLpCoSMpS7z+KN/irKc190Gwq
    EOylzhil84k9geVkKZNydEYv8ITwOJcD0ppKdiqcvYSSQMNZg2UxKqJ+uTECQG4h
    uJjxgBWwtwOVDT18hKIQwScuHqEA8me18lSQ+p7XtTgUJroo302EUP6VD0xuBJC+
    ARHZLE6HPiwE+qqVbhUCQQDd4VG548S/MI0zsM0H1vLY61pWwb2C4CKCNR3xFgKi
    bJZtCRi//RC/nJBIM6kPNe4YWGbGdN1YrZgdOdWmJM7+
    -----END RSA PRIVATE KEY-----
    """

  /// An Ed25519 key as PKCS#8 PEM.
  public static let ed25519 = """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIPGffjLUI27ZcRPAbBv12H8tsq6fg0ZbOIDipe69Xgft
    -----END PRIVATE KEY-----

    """

  /// The DKIM record of `ed25519` (RFC 8463: the raw public key).
  public static let ed25519Record =
    "v=DKIM1; k=ed25519; p=GyT6MTkDTr1MNFSiYy3cKUDAf94K39qKd/M09x59M5A="
}
