package org.tlsprobe.tls;

import java.util.Map;

/** Alert description names (IANA "TLS Alerts"), looked up by code; unknown codes keep their number. */
public final class AlertDescription {
  public static final int CLOSE_NOTIFY = 0;
  public static final int HANDSHAKE_FAILURE = 40;
  public static final int BAD_CERTIFICATE = 42;
  public static final int UNSUPPORTED_CERTIFICATE = 43;
  public static final int CERTIFICATE_REVOKED = 44;
  public static final int CERTIFICATE_EXPIRED = 45;
  public static final int CERTIFICATE_UNKNOWN = 46;
  public static final int UNKNOWN_CA = 48;
  public static final int ACCESS_DENIED = 49;
  public static final int PROTOCOL_VERSION = 70;
  public static final int INSUFFICIENT_SECURITY = 71;
  public static final int USER_CANCELED = 90;
  public static final int UNRECOGNIZED_NAME = 112;
  public static final int CERTIFICATE_REQUIRED = 116;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0, "close_notify"),
      Map.entry(10, "unexpected_message"),
      Map.entry(20, "bad_record_mac"),
      Map.entry(21, "decryption_failed"),
      Map.entry(22, "record_overflow"),
      Map.entry(30, "decompression_failure"),
      Map.entry(40, "handshake_failure"),
      Map.entry(41, "no_certificate"),
      Map.entry(42, "bad_certificate"),
      Map.entry(43, "unsupported_certificate"),
      Map.entry(44, "certificate_revoked"),
      Map.entry(45, "certificate_expired"),
      Map.entry(46, "certificate_unknown"),
      Map.entry(47, "illegal_parameter"),
      Map.entry(48, "unknown_ca"),
      Map.entry(49, "access_denied"),
      Map.entry(50, "decode_error"),
      Map.entry(51, "decrypt_error"),
      Map.entry(60, "export_restriction"),
      Map.entry(70, "protocol_version"),
      Map.entry(71, "insufficient_security"),
      Map.entry(80, "internal_error"),
      Map.entry(86, "inappropriate_fallback"),
      Map.entry(90, "user_canceled"),
      Map.entry(100, "no_renegotiation"),
      Map.entry(109, "missing_extension"),
      Map.entry(110, "unsupported_extension"),
      Map.entry(111, "certificate_unobtainable"),
      Map.entry(112, "unrecognized_name"),
      Map.entry(113, "bad_certificate_status_response"),
      Map.entry(114, "bad_certificate_hash_value"),
      Map.entry(115, "unknown_psk_identity"),
      Map.entry(116, "certificate_required"),
      Map.entry(120, "no_application_protocol"),
      Map.entry(121, "ech_required"));

  private AlertDescription() {}

  /** e.g. {@code unknown_ca}; an unassigned code reads {@code unknown_alert_N}. */
  public static String name(int code) {
    String name = NAMES.get(code);
    return name != null ? name : "unknown_alert_" + code;
  }
}
