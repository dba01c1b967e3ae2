package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A certificate below the root signed with MD5 (or MD2/MD4): refused by Schannel and every current TLS stack. */
public final class SignatureMd5Check extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("SIGNATURE_MD5", Severity.ERROR, "RFC 6151; Microsoft Security Advisory 961509");

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
    if (!Signatures.MD5.contains(c.certificate().getSigAlgOID())) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " is signed with " + Signatures.algorithm(c) + "; TLS stacks refuse it (Schannel: fatal alert 40, event 36888)",
        "Have the CA re-issue it with SHA-256; if the CA itself signs with MD5, change its hash algorithm (certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256) and renew."));
  }
}
