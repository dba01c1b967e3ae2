package org.tlsprobe.probe;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The client certificate chain (leaf first) and its private key, presented when a server asks (MTLS). */
public record ClientCredential(PrivateKey key, List<X509Certificate> chain) {
  public ClientCredential {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client credential needs at least one certificate");
    }
  }
}
