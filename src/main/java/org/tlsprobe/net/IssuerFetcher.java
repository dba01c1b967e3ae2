package org.tlsprobe.net;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tlsprobe.model.IssuerFetch;

/**
 * Downloads what an AIA caIssuers URL serves: one DER or PEM certificate, or a PKCS#7 "certs-only"
 * bundle (.p7c), as CAs publish them. Bounded and cached by the underlying {@link HttpFetcher}.
 */
public final class IssuerFetcher {
  private final HttpFetcher http;

  public IssuerFetcher(HttpFetcher http) {
    this.http = http;
  }

  public IssuerFetch fetch(String url) {
    HttpFetch got = http.fetch(url);
    if (!got.ok()) {
      return new IssuerFetch(url, List.of(), got.error());
    }
    try {
      List<X509Certificate> certs = decode(got.body());
      return certs.isEmpty()
          ? new IssuerFetch(url, List.of(), "the answer holds no certificate")
          : new IssuerFetch(url, certs, "");
    } catch (CertificateException | RuntimeException e) {
      return new IssuerFetch(url, List.of(), "the answer (" + got.body().length + " bytes) is not a DER, PEM or PKCS#7 certificate: " + e.getMessage());
    }
  }

  /** DER, PEM (one or more) or PKCS#7 certs-only; the JDK's X.509 factory reads all three. */
  static List<X509Certificate> decode(byte[] data) throws CertificateException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    Collection<? extends java.security.cert.Certificate> all = cf.generateCertificates(new ByteArrayInputStream(data));
    List<X509Certificate> out = new ArrayList<>();
    for (java.security.cert.Certificate c : all) {
      if (c instanceof X509Certificate) {
        out.add((X509Certificate) c);
      }
    }
    return out;
  }
}
