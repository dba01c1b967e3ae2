package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;

/** EKU wording shared by the EKU rules. */
final class Eku {
  private Eku() {}

  static String list(CertificateInChain c) {
    return Certificates.extendedKeyUsage(c.certificate()).stream().map(Certificates::ekuName).toList().toString();
  }

  static boolean hasServerAuthOnly(CertificateInChain c) {
    return Certificates.ekuAllows(c.certificate(), Certificates.EKU_SERVER_AUTH)
        && !Certificates.ekuAllows(c.certificate(), Certificates.EKU_CLIENT_AUTH);
  }
}
