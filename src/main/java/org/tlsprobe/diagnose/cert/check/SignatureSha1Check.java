package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A certificate below the root signed with SHA-1: refused by browsers and TLS 1.3 peers, deprecated everywhere. */
public final class SignatureSha1Check extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("SIGNATURE_SHA1", Severity.WARNING, "RFC 9155; CA/B Baseline Requirements 7.1.3.2");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return Signatures.counts(c);
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (!Signatures.SHA1.contains(c.certificate().getSigAlgOID())) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " is signed with " + Signatures.algorithm(c) + "; browsers and TLS 1.3 peers refuse SHA-1 signatures",
        "Have the CA re-issue it with SHA-256 (for a Windows CA: certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256, restart the CA, renew)."));
  }
}
