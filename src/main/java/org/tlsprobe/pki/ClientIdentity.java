package org.tlsprobe.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A client certificate chain (leaf first) with the leaf's private key, as read from --client-cert / --client-key. */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
  public ClientIdentity {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }
}
