import TestSupport

/// Small PEM and DER inputs made once with `/usr/bin/openssl` (OpenSSL 3.0) for the tests.
///
/// One 1024-bit RSA key in both PEM forms, its public key in both DER forms, an
/// encrypted copy (passphrase `x`) and a P-256 key that must be refused.
enum PEMFixtures {
  /// `openssl genrsa -traditional 1024`: the PKCS#1 form OpenSSL 1.x dknewkey wrote.
  static let rsa1024PKCS1 = Array(TestKeys.rsa1024PKCS1.utf8)
  /// The same key as PKCS#8 (`openssl pkey`), what OpenSSL 3 writes.
  static let rsa1024PKCS8 = Array(
    """
    -----BEGIN PRIVATE KEY-----
    MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBALkVuGDdiu4Kiwx5
    d828Qxww61qqqhTKthBjSwVgU+wzlKO8AKQu9crMIMl65De5F3KFfvnA0kLBY28U
    X4Ao1Gd+diBs+BShtGZvv2PuAhYVWV0HWLoKgXTNFtCe/otlb61OndtBAB/nasdJ
    F8UfQCWKumUio3geQO9iu0+5w+2fAgMBAAECgYEAnM0b8WR/aP+hoaXeq3vNVzrS
    iXOAuDCsYeHdEuby8m8YhEaoPHBUZ8TcGhV09whmJu2WDz0eZNO1y8t0xPzSRJGG
    uqFjUU3TyWIg+c7K9MCCHSrdlqqggaC5yF8zdXqmVMHE53/Iut8Y+7SZoOh9e2Xw
    ItKf2Sp6yDaL+18Ig8ECQQDt1mCB3e+1gWgbtJ8j9KTtIJiWDveTZOiyooIedTM1
    6wNLOK32xMitHRxvGJnkWgJ7ob/KmgX7ubRR17xitx2RAkEAxzgNanh/Axm9Piq2
    Z5l5QZFepB+G6VC0C6Wu30eZy+0XhzW8PVRrnhAgzntp0Ppsx2Q47CHY2jjfMc8f
    Ww2ALwJACKIukKhIylLvP4o3+KspzX3QbCoQ7KXOGKXziT2B5WQpk3J0Ri/whPA4
    lwPSmkp2Kpy9hJJAw1mDZTEqon65MQJAbiG4mPGAFbC3A5UNPXyEohDBJy4eoQDy
    Z7XyVJD6nte1OBQmuijfTYRQ/pUPTG4EkL4BEdksToc+LAT6qpVuFQJBAN3hUbnj
    xL8wjTOwzQfW8tjrWlbBvYLgIoI1HfEWAqJslm0JGL/9EL+ckEgzqQ817hhYZsZ0
    3VitmB051aYkzv4=
    -----END PRIVATE KEY-----
    """.utf8)
  /// The same key encrypted with AES-128 (`openssl pkey -aes128`).
  static let rsa1024Encrypted = Array(
    """
    -----BEGIN ENCRYPTED PRIVATE KEY-----
    MIIC3TBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIErQQVKub6B0CAggA
    MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAECBBCQNHMOMpwqHMiqaj93HScPBIIC
    gNiQtM4KQ/aaR0MS1nCNbla1de0mc9dGpvfSFhQkZyzF/oWNb51Me9o84hqD4vLf
    Bcx0snDquyYl+DEt9QjP+IujTNrgrrqNdAzz5iJGZvYKzvbSnliF4Wv94h9f/w/5
    iesCDdX/3vIfdWIgbjEAQknpawCopfEOpC8CR9W51oyaJ/fS53qJUjx45a9rhF/n
    xEWyBqTsYFOSoZ5V56Ky25XQbBlfTSaTPm1hU2lH58ojezv6jSx1YIyrqPfmBDcr
    Tpc/pQYAetOC92xyFaxc14XRIfEJ0p9Tr5dLZvIkHRP5f0YAbv0CfXkrS5DhK3yn
    hFJOGchoNl/7Wbl/UBIidjhOlRIlp53+4gpHTDjzTQyIZd3Wd9Oo4tchSo9YhFDO
    hr5RI58g/lawGVoFECoKbiRJAksbGynNgoIJgN785f+QuUiyJUn5w4SEm4U7UwCC
    FMHTZFJ8UETRFZ9DQn4/JF1PGCWxaJ0n5bZLZe99qJ3qTf/Rbj5XbNkKzqEmOFaR
    2lMCpH0U+R7GmyKBnVOPhNRbNKLCnKfu3RYpShlp1cZxL5WkdynF2fNsXeVYcVWq
    0cJXH6oo4+lrbDyxbujwT2X4u+ZWGx61eOuco1R+i7vPG6fZOW3gL66FaNRPPShy
    pEXBeYFqrpT8GB1vfcvXU72spGqLpIJRSBnzo+um8ErAv9juvTVCKpxOGmq/unXd
    dzvq4xNvebvabHojrq2oEaRPOX41G6+WetckhBj2EJikXbm1TMVAWC8d27Fmtjbc
    AoMoL/w80KMrs0AGO8i8Z8KwNj9m/aJbRbISCBg41mc3s+eonWLXAAeZMmfSJo2Q
    b6gjUid0p08BeglD6ka9aN0=
    -----END ENCRYPTED PRIVATE KEY-----
    """.utf8)
  /// A P-256 key: valid PEM, unsupported type.
  static let ecP256 = Array(
    """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTCKKIBvOF4vsNDXh
    oFCg9Ae1ibt4lPp9DNgiWgMeKemhRANCAAQDk+YzIlB1yJoum/+YaUkwGK7wuqet
    LuuvcfGOjFCgQ3WMW5JpyvDK8ztNC40lzOA5FVEcL4tK0UNkflcWkgfJ
    -----END PRIVATE KEY-----
    """.utf8)
  /// `openssl pkey -pubout -outform DER | base64` of the key above.
  static let rsa1024SPKIBase64 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC5Fbhg3YruCosMeXfNvEMcMOtaqqoUyrYQY0sF"
    + "YFPsM5SjvACkLvXKzCDJeuQ3uRdyhX75wNJCwWNvFF+AKNRnfnYgbPgUobRmb79j7gIWFVldB1i6"
    + "CoF0zRbQnv6LZW+tTp3bQQAf52rHSRfFH0AlirplIqN4HkDvYrtPucPtnwIDAQAB"
  /// `openssl rsa -RSAPublicKey_out -outform DER | base64` of the key above.
  static let rsa1024PKCS1PublicBase64 =
    "MIGJAoGBALkVuGDdiu4Kiwx5d828Qxww61qqqhTKthBjSwVgU+wzlKO8AKQu9crMIMl65De5F3KF"
    + "fvnA0kLBY28UX4Ao1Gd+diBs+BShtGZvv2PuAhYVWV0HWLoKgXTNFtCe/otlb61OndtBAB/nasdJ"
    + "F8UfQCWKumUio3geQO9iu0+5w+2fAgMBAAE="
}
