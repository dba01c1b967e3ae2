package org.tlsprobe.model;

import java.security.cert.X509CRL;
import java.util.Optional;

/**
 * What a CRL Distribution Point URL gave: the decoded (not yet verified) CRL, or why none could be had.
 * Fetched by {@code net}; {@code diagnose} verifies the signature and reads it.
 *
 * @param problem empty when a CRL was fetched and decoded
 */
public record CrlFetch(String url, Optional<X509CRL> crl, String problem) {
  public CrlFetch {
    problem = problem == null ? "" : problem;
  }

  public boolean ok() {
    return crl.isPresent();
  }
}
