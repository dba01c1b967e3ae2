package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import org.tlsprobe.model.CertificateDetails;

/** Turns a certificate into the fields reports show (SPEC.md {@code chain[]}). Never throws. */
public final class CertificateDescriber {
  private CertificateDescriber() {}

  public static CertificateDetails describe(X509Certificate c) {
    return new CertificateDetails(
        Certificates.subject(c),
        Certificates.issuer(c),
        c.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
        c.getNotBefore().toInstant(),
        c.getNotAfter().toInstant(),
        orEmpty(() -> Certificates.subjectAlternativeNames(c)),
        orEmpty(() -> Certificates.extendedKeyUsage(c).stream().map(Certificates::ekuName).toList()),
        Certificates.keyDescription(c.getPublicKey()),
        Certificates.signatureAlgorithm(c),
        orEmpty(() -> Certificates.crlDistributionPoints(c)),
        orEmpty(() -> Certificates.authorityInformationAccess(c)),
        Certificates.sha256(c));
  }

  public static List<CertificateDetails> describe(List<X509Certificate> chain) {
    return chain.stream().map(CertificateDescriber::describe).toList();
  }

  // A malformed extension shows as absent in the description; the rules report it where it matters.
  private static List<String> orEmpty(Supplier<List<String>> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
