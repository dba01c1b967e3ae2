package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Finding the leaf of a bag of certificates and putting them in path order (PKCS#7 and PKCS#12 have no order). */
public final class CertificateOrder {
  private CertificateOrder() {}

  /**
   * The index of the leaf: the first certificate unless it issued another presented certificate, in which
   * case the first one that issued none (the end of the chain nobody below depends on).
   */
  public static int leafIndex(List<X509Certificate> certs) {
    if (!issuedAnother(certs, 0)) {
      return 0;
    }
    for (int i = 1; i < certs.size(); i++) {
      if (!issuedAnother(certs, i)) {
        return i;
      }
    }
    return 0;
  }

  /** The certificates leaf first, each followed by its issuer when present; certificates off the path last. */
  public static List<X509Certificate> leafFirst(List<X509Certificate> certs) {
    if (certs.isEmpty()) {
      return List.of();
    }
    List<X509Certificate> rest = new ArrayList<>(certs);
    List<X509Certificate> out = new ArrayList<>();
    X509Certificate cur = rest.remove(leafIndex(certs));
    out.add(cur);
    while (true) {
      X509Certificate c = cur;
      X509Certificate issuer = Certificates.isSelfSigned(c) ? null
          : rest.stream().filter(r -> Certificates.issued(r, c)).findFirst().orElse(null);
      if (issuer == null) {
        break;
      }
      rest.remove(issuer);
      out.add(issuer);
      cur = issuer;
    }
    out.addAll(rest);
    return out;
  }

  private static boolean issuedAnother(List<X509Certificate> certs, int i) {
    X509Certificate c = certs.get(i);
    if (Certificates.isSelfSigned(c) && certs.size() > 1 && !Certificates.isCa(c)) {
      return false;
    }
    for (int j = 0; j < certs.size(); j++) {
      if (j != i && !certs.get(j).equals(c) && Certificates.issued(c, certs.get(j))) {
        return true;
      }
    }
    return false;
  }
}
