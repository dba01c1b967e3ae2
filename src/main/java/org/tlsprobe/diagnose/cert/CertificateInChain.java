package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;

/**
 * One certificate the rules look at, with where it sits.
 *
 * @param index its index in the presented chain (0 = leaf), or null when it came from the extra
 *     intermediates or the trust anchors
 */
public record CertificateInChain(X509Certificate certificate, Integer index, Position position) {
  public enum Position {
    /** The end-entity certificate the chain is about. */
    LEAF,
    /** A CA between the leaf and the root (or the last certificate of an incomplete path). */
    INTERMEDIATE,
    /** The top of the path: a self-signed root or a trust anchor. */
    ROOT,
    /** Presented but not on the path from the leaf (unrelated or duplicate). */
    EXTRA
  }

  public boolean isLeaf() {
    return position == Position.LEAF;
  }

  public boolean isRoot() {
    return position == Position.ROOT;
  }

  public String subject() {
    return Certificates.subject(certificate);
  }

  /** How messages name it: {@code certificate 1 "CN=Issuing CA"} or {@code the trust anchor "CN=Root"}. */
  public String label() {
    String dn = '"' + subject() + '"';
    if (index != null) {
      return (isLeaf() ? "the leaf " : "certificate " + index + " ") + dn;
    }
    return (isRoot() ? "the root " : "the intermediate ") + dn;
  }
}
