package org.tlsprobe.diagnose.cert;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The JDK's default trusted roots, loaded once. */
final class SystemRoots {
  private static volatile List<X509Certificate> roots;
  private static volatile java.util.Map<javax.security.auth.x500.X500Principal, List<X509Certificate>> bySubject;

  private SystemRoots() {}

  static List<X509Certificate> certificates() {
    List<X509Certificate> r = roots;
    if (r == null) {
      r = load();
      roots = r;
    }
    return r;
  }

  /** The system roots by subject name, so path building does not scan all of them at every step. */
  static java.util.Map<javax.security.auth.x500.X500Principal, List<X509Certificate>> bySubject() {
    java.util.Map<javax.security.auth.x500.X500Principal, List<X509Certificate>> m = bySubject;
    if (m == null) {
      m = certificates().stream().collect(java.util.stream.Collectors.groupingBy(X509Certificate::getSubjectX500Principal));
      bySubject = m;
    }
    return m;
  }

  /** Whether this exact certificate (same subject and key) is one of the JDK's roots. */
  static boolean contains(X509Certificate c) {
    return certificates().stream().anyMatch(root -> Certificates.sameCertificate(root, c));
  }

  private static List<X509Certificate> load() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          // Sorted so that path building, and so reports, do not depend on the store's order.
          // List.copyOf: TrustAnchors' own List.copyOf then keeps this very instance, which PathBuilder
          // recognizes to use the subject index (a Stream.toList() result would be copied again).
          return List.copyOf(Arrays.stream(((X509TrustManager) tm).getAcceptedIssuers())
              .sorted(Comparator.comparing((X509Certificate c) -> c.getSubjectX500Principal().getName()))
              .toList());
        }
      }
      return List.of();
    } catch (Exception e) {
      // No system trust store is a fact about this JVM, not a reason to crash: everything is then untrusted.
      return List.of();
    }
  }
}
