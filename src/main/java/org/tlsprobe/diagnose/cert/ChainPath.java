package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The certification path built from the leaf upward, and how it ended.
 *
 * @param certificates leaf first; the last one is the anchor (TRUSTED), the self-signed root (UNTRUSTED_ROOT)
 *     or the certificate whose issuer could not be found (INCOMPLETE)
 * @param missingIssuer for INCOMPLETE: the issuer DN nobody had
 * @param note for INCOMPLETE: why a certificate with that name did not count (e.g. it did not sign), or empty
 */
public record ChainPath(List<X509Certificate> certificates, End end, X500Principal missingIssuer, String note) {
  public enum End {
    /** Ends at a trust anchor. */
    TRUSTED,
    /** Ends at a self-signed root that is not a trust anchor. */
    UNTRUSTED_ROOT,
    /** An issuer is nowhere: not presented, not among the extra intermediates, not a trust anchor. */
    INCOMPLETE
  }

  public ChainPath {
    certificates = List.copyOf(certificates);
    note = note == null ? "" : note;
  }

  public X509Certificate last() {
    return certificates.get(certificates.size() - 1);
  }
}
