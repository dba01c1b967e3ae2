package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Builds the path from a leaf to a root by issuer name and signature, preferring trust anchors, then the
 * presented certificates, then the extra intermediates. Our own rather than the JDK's CertPathBuilder,
 * because a diagnosis needs to know <em>where</em> a path stops (a missing issuer versus a root nobody
 * trusts), and because it must walk through what PKIX would refuse (expired, MD5-signed) to report it.
 */
final class PathBuilder {
  private static final int MAX_DEPTH = 16;

  private PathBuilder() {}

  static ChainPath build(X509Certificate leaf, List<X509Certificate> presented, TrustAnchors trust) {
    List<X509Certificate> path = new ArrayList<>();
    path.add(leaf);
    X509Certificate cur = leaf;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (isAnchor(cur, trust)) {
        return new ChainPath(path, ChainPath.End.TRUSTED, null, "");
      }
      Optional<X509Certificate> anchor = issuerAmong(cur, trust.roots(), path);
      if (anchor.isPresent()) {
        path.add(anchor.get());
        return new ChainPath(path, ChainPath.End.TRUSTED, null, "");
      }
      if (Certificates.isSelfSigned(cur)) {
        return new ChainPath(path, ChainPath.End.UNTRUSTED_ROOT, null, "");
      }
      X509Certificate child = cur;
      Optional<X509Certificate> next = issuerAmong(child, presented, path).or(() -> issuerAmong(child, trust.intermediates(), path));
      if (next.isEmpty()) {
        return new ChainPath(path, ChainPath.End.INCOMPLETE, cur.getIssuerX500Principal(), whyNoIssuer(cur, presented, trust));
      }
      path.add(next.get());
      cur = next.get();
    }
    return new ChainPath(path, ChainPath.End.INCOMPLETE, cur.getIssuerX500Principal(), "the path is longer than " + MAX_DEPTH + " certificates");
  }

  private static boolean isAnchor(X509Certificate c, TrustAnchors trust) {
    X500Principal subject = c.getSubjectX500Principal();
    for (X509Certificate r : candidates(trust.roots(), subject)) {
      if (r.getSubjectX500Principal().equals(subject) && Certificates.sameCertificate(r, c)) {
        return true;
      }
    }
    return false;
  }

  // Names first (cheap), signatures only for the few candidates whose name fits.
  private static Optional<X509Certificate> issuerAmong(X509Certificate cert, List<X509Certificate> pool, List<X509Certificate> path) {
    X500Principal issuerName = cert.getIssuerX500Principal();
    for (X509Certificate candidate : candidates(pool, issuerName)) {
      if (candidate.getSubjectX500Principal().equals(issuerName)
          && path.stream().noneMatch(p -> Certificates.sameCertificate(p, candidate))
          && Certificates.signedBy(cert, candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The pool, or for the system roots only those with this subject (looked up, not scanned). */
  private static List<X509Certificate> candidates(List<X509Certificate> pool, X500Principal subject) {
    return SystemRoots.isSystemList(pool) ? SystemRoots.bySubject().getOrDefault(subject, List.of()) : pool;
  }

  /** When a certificate carries the issuer's name but did not sign, say so: a renewed CA key is a classic. */
  private static String whyNoIssuer(X509Certificate cert, List<X509Certificate> presented, TrustAnchors trust) {
    X500Principal issuerName = cert.getIssuerX500Principal();
    boolean nameOnly = !candidates(trust.roots(), issuerName).stream().filter(c -> c.getSubjectX500Principal().equals(issuerName)).toList().isEmpty()
        || presented.stream().anyMatch(c -> c.getSubjectX500Principal().equals(issuerName))
        || trust.intermediates().stream().anyMatch(c -> c.getSubjectX500Principal().equals(issuerName));
    return nameOnly
        ? "a CA certificate with that name is present, but its key did not sign this certificate (the CA was renewed with a new key, or it is a different CA with the same name)"
        : "";
  }
}
