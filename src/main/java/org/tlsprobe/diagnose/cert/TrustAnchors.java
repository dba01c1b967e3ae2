package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the relying side trusts and holds.
 *
 * @param roots trusted roots (any certificate here ends a path as trusted, self-signed or not)
 * @param intermediates intermediate CAs the client is assumed to hold already (Windows "Intermediate
 *     Certification Authorities"), used to complete a path but not trusted by themselves
 * @param systemRoots whether {@code roots} is a public trust store (the JDK's system roots by default):
 *     a chain that ends there counts as publicly issued. False when the user named the roots.
 */
public record TrustAnchors(List<X509Certificate> roots, List<X509Certificate> intermediates, boolean systemRoots) {
  public TrustAnchors {
    // the system roots stay the list SystemRoots hands out: it loads them in the background, and path
    // building knows it by identity (a copy would wait for the load here, before the first packet is read)
    roots = SystemRoots.isSystemList(roots) ? roots : List.copyOf(roots);
    intermediates = List.copyOf(intermediates);
  }

  /** The JDK's system roots (the default trust store, {@code cacerts}), no extra intermediates. */
  public static TrustAnchors system() {
    return new TrustAnchors(SystemRoots.certificates(), List.of(), true);
  }

  /** The JDK's system roots plus intermediates the client holds. */
  public static TrustAnchors system(List<X509Certificate> intermediates) {
    return new TrustAnchors(SystemRoots.certificates(), intermediates, true);
  }

  /** Roots the user named (e.g. a private CA); the chain then counts as privately issued. */
  public static TrustAnchors of(List<X509Certificate> roots, List<X509Certificate> intermediates) {
    return new TrustAnchors(roots, intermediates, false);
  }
}
