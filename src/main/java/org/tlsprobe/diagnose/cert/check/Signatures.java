package org.tlsprobe.diagnose.cert.check;

import java.util.Set;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;

/** Which signatures count: every certificate's except a self-signed one's (nobody verifies a root's own signature). */
final class Signatures {
  static final Set<String> MD5 = Set.of("1.2.840.113549.1.1.4", "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.3"); // md5, md2, md4 with RSA
  static final Set<String> SHA1 = Set.of(
      "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
      "1.3.14.3.2.29", // sha1WithRSA (OIW)
      "1.2.840.10045.4.1", // ecdsa-with-SHA1
      "1.2.840.10040.4.3"); // dsa-with-sha1

  private Signatures() {}

  static boolean counts(CertificateInChain c) {
    return !Certificates.isSelfSigned(c.certificate());
  }

  static String algorithm(CertificateInChain c) {
    return Certificates.signatureAlgorithm(c.certificate());
  }
}
