package org.tlsprobe.render;

import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.SipAnswer;

/** A probed address's facts as phrases, the same in the text and the HTML report. */
final class ProbeFacts {
  private ProbeFacts() {}

  /** {@code pool.contoso.com (10.0.0.5)}: the target, and the address probed when it differs. */
  static String where(ProbeReport r) {
    return r.address() == null || r.target().equals(r.address()) ? r.target() : r.target() + " (" + r.address() + ")";
  }

  /** {@code OK with errors}: the outcome, and whether an error finding spoils an OK one. */
  static String verdict(ProbeReport r) {
    Diagnosis d = r.diagnosis();
    return d.outcome().name() + (d.hasError() && d.outcome().isOk() ? " with errors" : "");
  }

  /** {@code TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (SNI sip.contoso.com)}; null without a ServerHello. */
  static String negotiated(ProbeReport r) {
    if (r.tlsVersion() == null) {
      return null;
    }
    return r.tlsVersion() + (r.cipherSuite() != null ? ", " + r.cipherSuite() : "") + (r.sni() != null ? " (SNI " + r.sni() + ")" : " (no SNI)");
  }

  /** {@code server sent fatal handshake_failure (40)}. */
  static String alert(HandshakeFacts.AlertFact a) {
    return a.from().label() + " sent " + (a.levelLabel() == null ? "" : a.levelLabel() + " ") + a.description()
        + (a.encrypted() ? "" : " (" + a.code() + ")");
  }

  /** {@code by the server after ClientHello}. */
  static String reset(HandshakeFacts.CloseFact c) {
    return "by the " + c.from().label() + (c.after() != null ? " after " + c.after() : "");
  }

  /** {@code 200 OK (RTC/7.0), 35 ms}. */
  static String sip(SipAnswer a) {
    return a.status() + " " + a.reason() + (a.server().isEmpty() ? "" : " (" + a.server() + ")") + (a.timeMs() >= 0 ? ", " + a.timeMs() + " ms" : "");
  }

  /** {@code dns 3 ms, connect 1 ms, handshake 12 ms}. */
  static String timing(ProbeReport.Timing t) {
    return (t.dns() != null ? "dns " + t.dns() + " ms, " : "") + "connect " + ms(t.connect()) + ", handshake " + ms(t.handshake());
  }

  private static String ms(Long v) {
    return v == null ? "-" : v + " ms";
  }
}
