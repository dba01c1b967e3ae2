package org.tlsprobe.model;

/**
 * The final answer to our SIP OPTIONS over an established TLS connection (SPEC.md {@code sip}).
 *
 * @param status the status code, e.g. 200
 * @param reason the reason phrase, e.g. "OK"
 * @param server the Server header, empty when absent
 * @param userAgent the User-Agent header, empty when absent
 * @param msDiagnostics Lync/Skype's ms-diagnostics header (it names the failure), empty when absent
 * @param timeMs milliseconds from sending the request to the final answer, -1 when not measured
 */
public record SipAnswer(int status, String reason, String server, String userAgent, String msDiagnostics, long timeMs) {
  public SipAnswer {
    reason = reason == null ? "" : reason;
    server = server == null ? "" : server;
    userAgent = userAgent == null ? "" : userAgent;
    msDiagnostics = msDiagnostics == null ? "" : msDiagnostics;
  }

  /** 2xx: the partner's SIP stack accepted us. */
  public boolean success() {
    return status >= 200 && status < 300;
  }
}
