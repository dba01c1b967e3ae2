package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain as the rules see it: the context, the leaf, the built path, and every certificate worth checking
 * (the path, then presented certificates off the path). Built once per run so rules stay a few lines.
 */
public final class ChainAnalysis {
  private final ChainContext ctx;
  private final int leafIndex;
  private final ChainPath path;
  private final List<CertificateInChain> certificates;

  private ChainAnalysis(ChainContext ctx, int leafIndex, ChainPath path, List<CertificateInChain> certificates) {
    this.ctx = ctx;
    this.leafIndex = leafIndex;
    this.path = path;
    this.certificates = List.copyOf(certificates);
  }

  /** Analyzes a non-empty presented chain. */
  public static ChainAnalysis of(ChainContext ctx) {
    List<X509Certificate> presented = ctx.presented();
    int leafIndex = CertificateOrder.leafIndex(presented);
    ChainPath path = PathBuilder.build(presented.get(leafIndex), presented, ctx.trust());
    List<CertificateInChain> certs = new ArrayList<>();
    List<X509Certificate> p = path.certificates();
    boolean hasLeaf = ctx.purpose() != Purpose.CA; // CA certificates on their own: the path starts at a CA
    for (int i = 0; i < p.size(); i++) {
      CertificateInChain.Position pos;
      if (i == 0 && hasLeaf) {
        pos = CertificateInChain.Position.LEAF;
      } else if (i == p.size() - 1 && path.end() != ChainPath.End.INCOMPLETE) {
        pos = CertificateInChain.Position.ROOT;
      } else {
        pos = CertificateInChain.Position.INTERMEDIATE;
      }
      certs.add(new CertificateInChain(p.get(i), indexIn(presented, p.get(i)), pos));
    }
    for (int i = 0; i < presented.size(); i++) {
      X509Certificate c = presented.get(i);
      if (p.stream().noneMatch(q -> q.equals(c))) {
        certs.add(new CertificateInChain(c, i, CertificateInChain.Position.EXTRA));
      }
    }
    return new ChainAnalysis(ctx, leafIndex, path, certs);
  }

  private static Integer indexIn(List<X509Certificate> presented, X509Certificate c) {
    int i = presented.indexOf(c);
    return i < 0 ? null : i;
  }

  public ChainContext context() {
    return ctx;
  }

  public ChainPath path() {
    return path;
  }

  /** Where the leaf is in the presented chain (0 unless the chain is out of order). */
  public int leafIndex() {
    return leafIndex;
  }

  /** Where the path starts: the leaf, or for {@link Purpose#CA} the lowest CA (whose position is not LEAF). */
  public CertificateInChain leaf() {
    return certificates.get(0);
  }

  /** The path from the leaf, then presented certificates that are not on it. */
  public List<CertificateInChain> certificates() {
    return certificates;
  }

  /** The certificates on the path below its root (the leaf and the intermediates). */
  public List<CertificateInChain> belowRoot() {
    return certificates.stream()
        .filter(c -> c.position() == CertificateInChain.Position.LEAF || c.position() == CertificateInChain.Position.INTERMEDIATE)
        .toList();
  }

  /**
   * Whether the path stops at a CA certificate whose issuer is unknown. Servers need not send their root, so
   * the unknown issuer is most likely a root nobody here trusts (CHAIN_UNTRUSTED), rarely a further
   * intermediate. A leaf whose issuer is unknown, by contrast, lacks its intermediate (CHAIN_INCOMPLETE).
   */
  public boolean endsAtUnknownCaIssuer() {
    return path.end() == ChainPath.End.INCOMPLETE && Certificates.isCa(path.last());
  }

  /** The certificate the path stops at when its issuer is unknown (INCOMPLETE paths only). */
  public CertificateInChain orphan() {
    return certificates.get(path.certificates().size() - 1);
  }

  /** The trust anchor or self-signed root the path ends at, if it ends at one. */
  public java.util.Optional<CertificateInChain> root() {
    return certificates.stream().filter(CertificateInChain::isRoot).findFirst();
  }
}
