package org.tlsprobe.diagnose.cert.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * Key Usage that forbids what TLS needs: an RSA server key needs keyEncipherment for RSA key exchange and
 * digitalSignature for (EC)DHE; an EC key and any client key need digitalSignature; a CA needs keyCertSign.
 * An absent Key Usage extension allows everything.
 */
public final class KeyUsageMismatchCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("KEY_USAGE_MISMATCH", Severity.ERROR, "RFC 5280 4.2.1.3; RFC 5246 7.4.2; RFC 8446 4.4.2.2");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.certificate().getKeyUsage() != null && (c.isLeaf() || Certificates.isCa(c.certificate()));
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    boolean[] ku = c.certificate().getKeyUsage();
    if (!c.isLeaf()) {
      return has(ku, Certificates.KU_KEY_CERT_SIGN) ? Optional.empty() : Optional.of(INFO.finding(c,
          c.label() + " is a CA but its Key Usage lacks keyCertSign, so it cannot sign certificates",
          "Re-issue the CA certificate with keyCertSign and cRLSign in its Key Usage."));
    }
    boolean sign = has(ku, Certificates.KU_DIGITAL_SIGNATURE);
    boolean encipher = has(ku, Certificates.KU_KEY_ENCIPHERMENT);
    boolean rsa = "RSA".equals(c.certificate().getPublicKey().getAlgorithm());
    List<String> fails = new ArrayList<>();
    if (!sign) {
      fails.add(chain.context().purpose() == Purpose.CLIENT ? "client authentication (CertificateVerify)" : "ECDHE/DHE key exchange and TLS 1.3");
    }
    if (rsa && !encipher && chain.context().purpose() == Purpose.SERVER) {
      fails.add("RSA key exchange (TLS_RSA_* suites, which older Schannel and OCS-era clients use)");
    }
    if (fails.isEmpty()) {
      return Optional.empty();
    }
    // Only RSA key exchange lost is survivable with modern peers: a warning. No usable exchange at all: an error.
    boolean someExchangeLeft = sign || (rsa && encipher && chain.context().purpose() == Purpose.SERVER);
    Severity s = someExchangeLeft ? Severity.WARNING : Severity.ERROR;
    return Optional.of(INFO.finding(s, c,
        c.label() + "'s Key Usage " + names(ku) + " rules out " + String.join(" and ", fails),
        "Re-issue it with Key Usage digitalSignature" + (rsa ? " and keyEncipherment" : "") + "."));
  }

  private static boolean has(boolean[] ku, int bit) {
    return ku.length > bit && ku[bit];
  }

  private static String names(boolean[] ku) {
    String[] n = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(ku.length, n.length); i++) {
      if (ku[i]) {
        out.add(n[i]);
      }
    }
    return out.toString();
  }
}
