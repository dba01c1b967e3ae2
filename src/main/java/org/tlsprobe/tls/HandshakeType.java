package org.tlsprobe.tls;

/** Handshake message types (IANA "TLS HandshakeType"), with the CamelCase names of SPEC.md. */
public enum HandshakeType {
  HELLO_REQUEST(0, "HelloRequest"),
  CLIENT_HELLO(1, "ClientHello"),
  SERVER_HELLO(2, "ServerHello"),
  HELLO_VERIFY_REQUEST(3, "HelloVerifyRequest"),
  NEW_SESSION_TICKET(4, "NewSessionTicket"),
  END_OF_EARLY_DATA(5, "EndOfEarlyData"),
  /** Not a wire code of its own: a ServerHello whose random is the RFC 8446 HRR constant. */
  HELLO_RETRY_REQUEST(-2, "HelloRetryRequest"),
  ENCRYPTED_EXTENSIONS(8, "EncryptedExtensions"),
  CERTIFICATE(11, "Certificate"),
  SERVER_KEY_EXCHANGE(12, "ServerKeyExchange"),
  CERTIFICATE_REQUEST(13, "CertificateRequest"),
  SERVER_HELLO_DONE(14, "ServerHelloDone"),
  CERTIFICATE_VERIFY(15, "CertificateVerify"),
  CLIENT_KEY_EXCHANGE(16, "ClientKeyExchange"),
  FINISHED(20, "Finished"),
  CERTIFICATE_URL(21, "CertificateUrl"),
  CERTIFICATE_STATUS(22, "CertificateStatus"),
  SUPPLEMENTAL_DATA(23, "SupplementalData"),
  KEY_UPDATE(24, "KeyUpdate"),
  COMPRESSED_CERTIFICATE(25, "CompressedCertificate"),
  MESSAGE_HASH(254, "MessageHash"),
  /** A handshake record that cannot be read (encrypted, e.g. the Finished after ChangeCipherSpec). */
  ENCRYPTED(-3, "Encrypted"),
  /** SSLv2 (no TLS wire code): a CLIENT-HELLO asking for SSL 2.0 itself, not an SSLv2-format TLS hello. */
  SSL2_CLIENT_HELLO(-10, "SSL2ClientHello"),
  SSL2_SERVER_HELLO(-11, "SSL2ServerHello"),
  SSL2_CLIENT_MASTER_KEY(-12, "SSL2ClientMasterKey"),
  /** An SSLv2 record after the keys were set: encrypted handshake or data, unreadable. */
  SSL2_ENCRYPTED(-13, "SSL2Encrypted"),
  UNKNOWN(-1, "Unknown");

  private final int code;
  private final String label;

  HandshakeType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** The message name used in reports and JSON, e.g. {@code ServerHelloDone}. */
  public String label() {
    return label;
  }

  private static final HandshakeType[] BY_CODE = new HandshakeType[256];

  static {
    java.util.Arrays.fill(BY_CODE, UNKNOWN);
    for (HandshakeType t : values()) {
      if (t.code >= 0) {
        BY_CODE[t.code] = t;
      }
    }
  }

  /** The type for a wire code; never throws. */
  public static HandshakeType of(int code) {
    return code >= 0 && code < 256 ? BY_CODE[code] : UNKNOWN;
  }
}
