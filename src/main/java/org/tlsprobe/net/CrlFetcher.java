package org.tlsprobe.net;

import java.io.ByteArrayInputStream;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Optional;
import org.tlsprobe.model.CrlFetch;

/**
 * Downloads a CRL from an HTTP CRL Distribution Point (DER, or PEM as some CAs serve it). Decoding only:
 * the signature and the dates are the judge's business. Bounded and cached by {@link HttpFetcher}.
 */
public final class CrlFetcher {
  private final HttpFetcher http;

  public CrlFetcher(HttpFetcher http) {
    this.http = http;
  }

  public CrlFetch fetch(String url) {
    HttpFetch got = http.fetch(url);
    if (!got.ok()) {
      return new CrlFetch(url, Optional.empty(), got.error());
    }
    try {
      CRL crl = CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(got.body()));
      if (!(crl instanceof X509CRL)) {
        return new CrlFetch(url, Optional.empty(), "the answer is not an X.509 CRL");
      }
      return new CrlFetch(url, Optional.of((X509CRL) crl), "");
    } catch (CRLException | CertificateException | RuntimeException e) {
      return new CrlFetch(url, Optional.empty(), "the answer (" + got.body().length + " bytes) is not a DER or PEM CRL: " + e.getMessage());
    }
  }
}
