package org.tlsprobe.probe;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for probe tests, made in code: a root, an issuing CA, and leaves with the defects the
 * tests need (expired, wrong name, small key, MD5 signature, missing EKU). Written as PEM for openssl.
 */
public final class ProbePki {
  private static final SecureRandom RANDOM = new SecureRandom();

  public record Issued(X509Certificate cert, PrivateKey key) {}

  public static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits, RANDOM);
    return g.generateKeyPair();
  }

  public static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  /** A leaf / CA description: set what differs from a sound certificate. */
  public static final class Spec {
    public String subject;
    public KeyPair keys;
    public List<String> dnsNames = new ArrayList<>(List.of("localhost"));
    public boolean ipLoopback = true;
    public boolean ca;
    public Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    public Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    public String signature = "SHA256withRSA";
    public List<KeyPurposeId> eku = new ArrayList<>(List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));

    public Spec(String subject, KeyPair keys) {
      this.subject = subject;
      this.keys = keys;
    }
  }

  public static Issued issue(Spec s, Issued issuer) throws Exception {
    X500Name subject = new X500Name(s.subject);
    X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
    PrivateKey signKey = issuer == null ? s.keys.getPrivate() : issuer.key();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, RANDOM).abs(),
        Date.from(s.notBefore), Date.from(s.notAfter), subject, s.keys.getPublic());
    if (s.ca) {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (!s.eku.isEmpty()) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(s.eku.toArray(new KeyPurposeId[0])));
      }
      List<GeneralName> names = new ArrayList<>();
      for (String n : s.dnsNames) {
        names.add(new GeneralName(GeneralName.dNSName, n));
      }
      if (s.ipLoopback) {
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      }
      if (!names.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
      }
    }
    String alg = signKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : s.signature;
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signKey)));
    return new Issued(cert, s.keys.getPrivate());
  }

  public static Issued root(String cn) throws Exception {
    Spec s = new Spec("O=Probe Test,CN=" + cn, rsa(2048));
    s.ca = true;
    return issue(s, null);
  }

  public static Issued intermediate(String cn, Issued root) throws Exception {
    Spec s = new Spec("O=Probe Test,CN=" + cn, rsa(2048));
    s.ca = true;
    return issue(s, root);
  }

  public static Path pem(Path dir, String name, Object... objects) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sw.toString());
    return p;
  }

  private ProbePki() {}
}
