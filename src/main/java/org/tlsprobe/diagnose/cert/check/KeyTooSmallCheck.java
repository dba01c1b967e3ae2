package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** RSA/DSA keys below 2048 bits (below 1024: error), EC keys below 256 bits. */
public final class KeyTooSmallCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("KEY_TOO_SMALL", Severity.WARNING, "NIST SP 800-131A Rev. 2; CA/B Baseline Requirements 6.1.5");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    String alg = c.certificate().getPublicKey().getAlgorithm();
    return (alg.equals("RSA") || alg.equals("DSA") || alg.equals("EC")) && Certificates.keyBits(c.certificate().getPublicKey()) > 0;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    String alg = c.certificate().getPublicKey().getAlgorithm();
    int bits = Certificates.keyBits(c.certificate().getPublicKey());
    Severity s;
    String minimum;
    if ("RSA".equals(alg) || "DSA".equals(alg)) {
      s = bits < 1024 ? Severity.ERROR : bits < 2048 ? Severity.WARNING : null;
      minimum = "2048";
    } else if ("EC".equals(alg)) {
      s = bits < 256 ? Severity.WARNING : null;
      minimum = "256";
    } else {
      return Optional.empty();
    }
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(s, c,
        c.label() + " has a " + bits + "-bit " + alg + " key; current clients require at least " + minimum + " bits",
        "Generate a new key of at least " + minimum + " bits (RSA 2048/3072 or EC P-256) and re-issue the certificate"
            + (c.isLeaf() ? "." : "; for a CA this means a new CA certificate and re-issuing what it signed.")));
  }
}
