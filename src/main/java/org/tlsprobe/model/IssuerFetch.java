package org.tlsprobe.model;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an AIA caIssuers URL gave: the certificate(s) it serves, or why none could be had. Fetched by
 * {@code net}, judged by {@code diagnose} (which never touches the network itself).
 *
 * @param problem empty when the certificates were fetched and decoded
 */
public record IssuerFetch(String url, List<X509Certificate> certificates, String problem) {
  public IssuerFetch {
    certificates = List.copyOf(certificates);
    problem = problem == null ? "" : problem;
  }

  public boolean ok() {
    return problem.isEmpty();
  }
}
