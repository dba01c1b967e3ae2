package org.tlsprobe.tls.testing;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-CA PKI for real in-JVM handshakes, as the tls tests need it: a CA and leaves it signs, with the
 * key and chain packed for a key store. The certificates come from the project's shared test builder
 * ({@link org.tlsprobe.testing.TestPki}), valid around the real clock because JSSE checks them.
 */
public final class TestPki {
  /** A key and its certificate chain, leaf first. */
  public record Identity(PrivateKey key, X509Certificate[] chain) {
    public KeyStore keyStore() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("id", key, PASSWORD, chain);
      return ks;
    }
  }

  public static final char[] PASSWORD = "test".toCharArray();

  private final org.tlsprobe.testing.TestPki pki = new org.tlsprobe.testing.TestPki(Instant.now());
  private final String keyKind;
  private final org.tlsprobe.testing.TestPki.Ca ca;

  private TestPki(String keyKind, String caName) {
    this.keyKind = keyKind;
    this.ca = pki.cert("CN=" + caName).ca().key(keyKind).validFor(Duration.ofDays(3650)).buildCa();
  }

  /** A fresh CA with EC P-256 keys (fast to make). */
  public static TestPki ec(String caName) {
    return new TestPki("EC-secp256r1", caName);
  }

  /** A fresh CA with RSA 2048 keys (what RSA key exchange and old protocol versions need). */
  public static TestPki rsa(String caName) {
    return new TestPki("RSA-2048", caName);
  }

  public X509Certificate ca() {
    return ca.certificate();
  }

  public KeyStore trustStore() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", ca());
    return ks;
  }

  /** A leaf for {@code dnsName}, signed by this CA; the chain sent is leaf + CA. */
  public Identity leaf(String dnsName) {
    KeyPair keys = pki.key(keyKind);
    X509Certificate cert = pki.cert("CN=" + dnsName).issuer(ca).keyPair(keys).dns(dnsName).build();
    return new Identity(keys.getPrivate(), new X509Certificate[] {cert, ca()});
  }
}
