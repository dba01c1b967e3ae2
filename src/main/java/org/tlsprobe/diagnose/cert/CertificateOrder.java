package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Finding the leaf of a bag of certificates and putting them in path order (PKCS#7 and PKCS#12 have no order). */
public final class CertificateOrder {
  private CertificateOrder() {}

  /**
   * The index of the leaf: the first certificate unless it issued another presented certificate; then the
   * first end-entity (non-CA) certificate that issued none, else the first certificate that issued none.
   */
  public static int leafIndex(List<X509Certificate> certs) {
    if (certs.isEmpty() || !issuedAnother(certs, 0)) {
      return 0;
    }
    int firstUnused = -1;
    for (int i = 1; i < certs.size(); i++) {
      if (!issuedAnother(certs, i)) {
        if (!Certificates.isCa(certs.get(i))) {
          return i;
        }
        firstUnused = firstUnused < 0 ? i : firstUnused;
      }
    }
    return Math.max(firstUnused, 0);
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
    for (int j = 0; j < certs.size(); j++) {
      if (j != i && !certs.get(j).equals(c) && Certificates.issued(c, certs.get(j))) {
        return true;
      }
    }
    return false;
  }
}
