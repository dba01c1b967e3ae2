package org.tlsprobe.pki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates of one file, in file order (for PKCS#12: the key's chain first).
 *
 * @param format what the file was: PEM, DER, PKCS#7 (DER), PKCS#7 (PEM), PKCS#12, JKS
 * @param notes things worth saying that did not stop reading (e.g. "a private key was skipped")
 */
public record CertificateFile(Path path, String format, List<X509Certificate> certificates, List<String> notes) {
  public CertificateFile {
    certificates = List.copyOf(certificates);
    notes = List.copyOf(notes);
  }

  /** Whether the format has no order of its own (PKCS#7 sets, key stores), so the chain order means nothing. */
  public boolean unordered() {
    return !format.equals("PEM") && !format.equals("DER");
  }
}
