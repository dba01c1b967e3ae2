package org.tlsprobe.tls.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests, made with Bouncy Castle's builders: a root CA and leaves it signs. */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

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

  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final String keyAlgorithm;

  private TestPki(String keyAlgorithm, String caName) throws Exception {
    this.keyAlgorithm = keyAlgorithm;
    this.caKeys = keyPair();
    this.ca = sign(new X500Name("CN=" + caName), caKeys, new X500Name("CN=" + caName), caKeys.getPrivate(), true, null);
  }

  /** A fresh CA with EC P-256 keys (fast to make). */
  public static TestPki ec(String caName) throws Exception {
    return new TestPki("EC", caName);
  }

  /** A fresh CA with RSA 2048 keys (what RSA key exchange and old protocol versions need). */
  public static TestPki rsa(String caName) throws Exception {
    return new TestPki("RSA", caName);
  }

  public X509Certificate ca() {
    return ca;
  }

  public KeyStore trustStore() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", ca);
    return ks;
  }

  /** A leaf for {@code dnsName}, signed by this CA; the chain sent is leaf + CA. */
  public Identity leaf(String dnsName) throws Exception {
    KeyPair keys = keyPair();
    X509Certificate cert = sign(new X500Name("CN=" + dnsName), keys, X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
        caKeys.getPrivate(), false, dnsName);
    return new Identity(keys.getPrivate(), new X509Certificate[] {cert, ca});
  }

  private KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlgorithm);
    if (keyAlgorithm.equals("EC")) {
      g.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      g.initialize(2048);
    }
    return g.generateKeyPair();
  }

  private X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey, boolean isCa,
      String dnsName) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, subjectKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    }
    String alg = keyAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
  }
}
