package org.tlsprobe.diagnose.cert;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The JDK's default trusted roots, loaded once. Reading cacerts (some 150 certificates parsed) takes about
 * 0.1 s, which {@code analyze} used to spend before reading its first packet: {@link #certificates} hands
 * out a list that starts loading on a thread of its own and waits for it only when first read, by the
 * first chain that needs a root.
 */
final class SystemRoots {
  private static final FutureTask<List<X509Certificate>> LOADING = new FutureTask<>(SystemRoots::load);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final List<X509Certificate> LIST = new Lazy();
  private static volatile Map<X500Principal, List<X509Certificate>> bySubject;

  private SystemRoots() {}

  /** The roots, as one list instance that {@link PathBuilder} recognizes (to use {@link #bySubject}). */
  static List<X509Certificate> certificates() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(LOADING, "tlsprobe-system-roots");
      t.setDaemon(true);
      t.start();
    }
    return LIST;
  }

  /** Whether {@code roots} is the list {@link #certificates} hands out (asking does not start the load). */
  static boolean isSystemList(List<?> roots) {
    return roots == LIST;
  }

  /** The system roots by subject name, so path building does not scan all of them at every step. */
  static Map<X500Principal, List<X509Certificate>> bySubject() {
    Map<X500Principal, List<X509Certificate>> m = bySubject;
    if (m == null) {
      m = loaded().stream().collect(Collectors.groupingBy(X509Certificate::getSubjectX500Principal));
      bySubject = m;
    }
    return m;
  }

  /** Whether this exact certificate (same subject and key) is one of the JDK's roots. */
  static boolean contains(X509Certificate c) {
    return loaded().stream().anyMatch(root -> Certificates.sameCertificate(root, c));
  }

  private static List<X509Certificate> loaded() {
    certificates();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return LOADING.get();
        } catch (InterruptedException e) {
          interrupted = true; // the roots are needed all the same; the interrupt is kept for the caller
        } catch (ExecutionException e) {
          return List.of(); // load() catches everything
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The roots once loaded; reading it waits for the load. */
  private static final class Lazy extends AbstractList<X509Certificate> implements RandomAccess {
    @Override
    public X509Certificate get(int index) {
      return loaded().get(index);
    }

    @Override
    public int size() {
      return loaded().size();
    }
  }

  private static List<X509Certificate> load() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          // Sorted so that path building, and so reports, do not depend on the store's order.
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
