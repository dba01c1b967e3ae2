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

  private SystemRoots() {}

  static List<X509Certificate> certificates() {
    List<X509Certificate> r = roots;
    if (r == null) {
      r = load();
      roots = r;
    }
    return r;
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
          return Arrays.stream(((X509TrustManager) tm).getAcceptedIssuers())
              .sorted(Comparator.comparing((X509Certificate c) -> c.getSubjectX500Principal().getName()))
              .toList();
        }
      }
      return List.of();
    } catch (Exception e) {
      // No system trust store is a fact about this JVM, not a reason to crash: everything is then untrusted.
      return List.of();
    }
  }
}
