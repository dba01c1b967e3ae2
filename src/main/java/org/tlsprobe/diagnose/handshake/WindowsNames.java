package org.tlsprobe.diagnose.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsprobe.model.HandshakeFacts.AlertFact;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.TextFormat;

/**
 * What Windows would log or return for an outcome, so an admin can match our verdict to the Schannel event
 * or SSPI status they already see. Schannel events (System log): 36874 no common cipher suite (server),
 * 36875 client certificate requested but none suitable (client), 36877 client certificate not validated
 * (server), 36881 server certificate expired or not yet valid, 36882 issued by an untrusted authority,
 * 36883 revoked, 36884 does not contain the expected name (all client side), 36885 the server's list of
 * trusted CAs for client authentication was truncated, 36887 fatal alert received, 36888 fatal alert
 * generated and sent.
 */
public final class WindowsNames {
  public static final String UNTRUSTED_ROOT = "SEC_E_UNTRUSTED_ROOT (0x80090325)";
  public static final String CERT_EXPIRED = "SEC_E_CERT_EXPIRED (0x80090328)";
  public static final String WRONG_PRINCIPAL = "SEC_E_WRONG_PRINCIPAL (0x80090322)";
  public static final String ALGORITHM_MISMATCH = "SEC_E_ALGORITHM_MISMATCH (0x80090331)";
  public static final String UNSUPPORTED_FUNCTION = "SEC_E_UNSUPPORTED_FUNCTION (0x80090302)";
  public static final String CERT_UNKNOWN = "SEC_E_CERT_UNKNOWN (0x80090327)";
  public static final String CERT_CHAINING = "CERT_E_CHAINING (0x800B010A)";
  public static final String REVOKED = "CRYPT_E_REVOKED (0x80092010)";
  public static final String INCOMPLETE_CREDENTIALS = "SEC_I_INCOMPLETE_CREDENTIALS (0x00090320)";
  public static final String ILLEGAL_MESSAGE = "SEC_E_ILLEGAL_MESSAGE (0x80090326)";
  public static final String INVALID_TOKEN = "SEC_E_INVALID_TOKEN (0x80090308)";
  public static final String CONTINUE_NEEDED = "SEC_I_CONTINUE_NEEDED (0x00090312)";
  public static final String CONNECTION_RESET = "WSAECONNRESET (10054)";
  public static final String CONNECTION_REFUSED = "WSAECONNREFUSED (10061)";
  public static final String TIMED_OUT = "WSAETIMEDOUT (10060)";
  public static final String HOST_NOT_FOUND = "WSAHOST_NOT_FOUND (11001)";
  public static final String SCHANNEL_NO_COMMON_CIPHER = "Schannel 36874";
  public static final String SCHANNEL_NO_CLIENT_CERTIFICATE = "Schannel 36875";
  public static final String SCHANNEL_CLIENT_CERT_NOT_VALIDATED = "Schannel 36877";
  public static final String SCHANNEL_EXPIRED = "Schannel 36881";
  public static final String SCHANNEL_UNTRUSTED = "Schannel 36882";
  public static final String SCHANNEL_REVOKED = "Schannel 36883";
  public static final String SCHANNEL_NAME = "Schannel 36884";
  public static final String SCHANNEL_CA_LIST_TRUNCATED = "Schannel 36885";

  private WindowsNames() {}

  /** The names for an outcome; the alert, when one was sent, adds the 36888/36887 pair with its code. */
  public static List<String> forOutcome(Outcome outcome, AlertFact alert) {
    List<String> names = new ArrayList<>();
    switch (outcome) {
      case OK:
        return List.of();
      case UNTRUSTED_ROOT:
        names.add(UNTRUSTED_ROOT);
        names.add(SCHANNEL_UNTRUSTED);
        break;
      case CHAIN_INCOMPLETE:
        names.add(UNTRUSTED_ROOT);
        names.add(CERT_CHAINING);
        names.add(SCHANNEL_UNTRUSTED);
        break;
      case CERT_EXPIRED:
        names.add(CERT_EXPIRED);
        names.add(SCHANNEL_EXPIRED);
        break;
      case NAME_MISMATCH:
        names.add(WRONG_PRINCIPAL);
        names.add(SCHANNEL_NAME);
        break;
      case CERT_REVOKED:
        names.add(REVOKED);
        names.add(SCHANNEL_REVOKED);
        break;
      case BAD_CERTIFICATE:
        names.add(CERT_UNKNOWN);
        break;
      case CIPHER_MISMATCH:
        names.add(ALGORITHM_MISMATCH);
        names.add(SCHANNEL_NO_COMMON_CIPHER);
        break;
      case PROTOCOL_MISMATCH:
        names.add(UNSUPPORTED_FUNCTION);
        break;
      case CLIENT_CERT_MISSING:
        names.add(INCOMPLETE_CREDENTIALS);
        names.add(SCHANNEL_NO_CLIENT_CERTIFICATE);
        break;
      case CLIENT_CERT_REJECTED:
        names.add(CERT_UNKNOWN);
        names.add(SCHANNEL_CLIENT_CERT_NOT_VALIDATED);
        break;
      case RESET_DURING_HANDSHAKE:
        names.add(CONNECTION_RESET);
        break;
      case ALERT:
        names.add(ILLEGAL_MESSAGE);
        break;
      case INCOMPLETE:
        names.add(CONTINUE_NEEDED);
        break;
      case NOT_TLS:
        names.add(INVALID_TOKEN);
        names.add(ILLEGAL_MESSAGE);
        break;
      case CONNECT_FAILED:
        names.add(TIMED_OUT);
        break;
      default:
        break;
    }
    if (alert != null) {
      names.addAll(forAlert(alert));
    }
    return List.copyOf(names);
  }

  /**
   * The two events a fatal alert leaves on Windows: 36888 on the side that sent it, 36887 on the side that
   * received it, with the alert's code as Schannel words it.
   */
  public static List<String> forAlert(AlertFact alert) {
    String sender = alert.from().label();
    String receiver = alert.from().other().label();
    if (alert.encrypted()) {
      return List.of(
          "Schannel 36888 (on the " + sender + ", which sent the encrypted alert)",
          "Schannel 36887 (on the " + receiver + ", which received it)");
    }
    return List.of(
        TextFormat.format("Schannel 36888, fatal alert %d (on the %s, which sent it)", alert.code(), sender),
        TextFormat.format("Schannel 36887, fatal alert %d (on the %s, which received it)", alert.code(), receiver));
  }

  /** CONNECT_FAILED: the Winsock error matching what went wrong. */
  public static List<String> forConnectFailure(String detail) {
    String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
    if (d.contains("refused")) {
      return List.of(CONNECTION_REFUSED);
    }
    if (d.contains("unknown host") || d.contains("unknownhost") || d.contains("resolve") || d.contains("dns") || d.contains("name or service")) {
      return List.of(HOST_NOT_FOUND);
    }
    if (d.contains("reset")) {
      return List.of(CONNECTION_RESET);
    }
    return List.of(TIMED_OUT);
  }
}
