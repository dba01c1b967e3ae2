package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import java.util.Set;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;

/**
 * A certificate signed with a hash that peers refuse, one subclass per hash family. Every certificate's
 * signature counts except a self-signed one's: nobody verifies a root's own signature.
 */
abstract class WeakSignatureCheck extends CertificateCheck {
  private final CheckInfo info;
  private final Set<String> signatureOids;
  private final String consequence;
  private final String advice;

  WeakSignatureCheck(CheckInfo info, Set<String> signatureOids, String consequence, String advice) {
    this.info = info;
    this.signatureOids = signatureOids;
    this.consequence = consequence;
    this.advice = advice;
  }

  @Override
  public CheckInfo info() {
    return info;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return !Certificates.isSelfSigned(c.certificate());
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (!signatureOids.contains(c.certificate().getSigAlgOID())) {
      return Optional.empty();
    }
    return Optional.of(info.finding(c,
        c.label() + " is signed with " + Certificates.signatureAlgorithm(c.certificate()) + "; " + consequence, advice));
  }
}
