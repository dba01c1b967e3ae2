package org.tlsprobe.diagnose.cert;

import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * A rule's metadata, apart from its body: the stable SPEC code, its usual severity, and where the
 * requirement comes from (RFC section, Microsoft documentation).
 */
public record CheckInfo(String code, Severity severity, String reference) {
  /** A finding about one certificate, at the rule's usual severity. */
  public Finding finding(CertificateInChain c, String message, String advice) {
    return finding(severity, c, message, advice);
  }

  /** A finding about one certificate at a severity that depends on the case (role, purpose). */
  public Finding finding(Severity s, CertificateInChain c, String message, String advice) {
    return new Finding(code, s, sentence(message), c == null ? null : c.index(), advice);
  }

  // Messages often start with a certificate's label ("the leaf ..."); a finding reads as a sentence.
  private static String sentence(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  /** A finding about the chain as a whole. */
  public Finding chainFinding(String message, String advice) {
    return new Finding(code, severity, sentence(message), null, advice);
  }
}
