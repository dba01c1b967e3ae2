package org.tlsprobe.net;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * A SIP OPTIONS request as RFC 3261 wants it (section 8.1.1 and 11): Via with a z9hG4bK branch,
 * Max-Forwards, From with a tag, To, Call-ID, CSeq, Contact, Content-Length 0. Sent over an established
 * TLS connection it asks "are you a SIP server, and do you accept me?"; Lync/Skype edges also say why not
 * in ms-diagnostics.
 *
 * @param requestUri e.g. {@code sip:partner.example} (federation) or {@code sip:sip.partner.example:5061;transport=tls}
 * @param toUri the To URI (the request URI without parameters)
 * @param fromUri our address of record, e.g. {@code sip:tlsprobe@contoso.com}
 * @param via the sent-by of Via and the host of Contact: our local {@code ip:port} ({@code [v6]:port})
 */
public record SipOptionsRequest(String requestUri, String toUri, String fromUri, String via, String branch, String fromTag, String callId, int cseq) {

  /** The magic cookie of RFC 3261 section 8.1.1.7 that marks a branch as unique per transaction. */
  public static final String BRANCH_COOKIE = "z9hG4bK";

  /**
   * An OPTIONS to {@code host[:port]} (or a bare SIP domain) from {@code fromDomain}, with fresh random
   * branch, tag and Call-ID.
   *
   * @param target the host (and port) the request is for, e.g. {@code partner.example} or {@code edge.partner.example:5061}
   * @param fromDomain our SIP domain (From), e.g. {@code contoso.com}; "tlsprobe.invalid" when unknown
   * @param local our side of the connection as {@code ip:port}
   */
  public static SipOptionsRequest to(String target, String fromDomain, String local) {
    return to(target, fromDomain, local, new SecureRandom());
  }

  static SipOptionsRequest to(String target, String fromDomain, String local, Random random) {
    String uri = "sip:" + target;
    String domain = fromDomain == null || fromDomain.isBlank() ? "tlsprobe.invalid" : fromDomain;
    return new SipOptionsRequest(uri + ";transport=tls", uri, "sip:tlsprobe@" + domain, local,
        BRANCH_COOKIE + hex(random, 10), hex(random, 6), hex(random, 12) + "@tlsprobe", 1);
  }

  /** The request as it goes on the wire (UTF-8, CRLF line ends, no body). */
  public byte[] bytes() {
    String contactHost = via;
    String text = "OPTIONS " + requestUri + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TLS " + via + ";branch=" + branch + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <" + fromUri + ">;tag=" + fromTag + "\r\n"
        + "To: <" + toUri + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: " + cseq + " OPTIONS\r\n"
        + "Contact: <sip:tlsprobe@" + contactHost + ";transport=tls>\r\n"
        + "Accept: application/sdp\r\n"
        + "User-Agent: tlsprobe\r\n"
        + "Content-Length: 0\r\n"
        + "\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(Random random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
