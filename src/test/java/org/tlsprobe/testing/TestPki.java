package org.tlsprobe.testing;

import java.math.BigInteger;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds certificate chains in code for tests: a root, issuing CAs, and leaves with any defect the rules
 * look for (validity, names, EKU, key usage, CDP, signature hash, key size, version, self-signed).
 *
 * <pre>{@code
 * TestPki pki = new TestPki();                       // validity around TestPki.NOW
 * TestPki.Ca root = pki.root("CN=Test Root");
 * TestPki.Ca issuing = root.issuingCa("CN=Test Issuing CA");
 * X509Certificate leaf = issuing.leaf("sip.example.com").eku(TestPki.SERVER_AUTH).build();
 * }</pre>
 *
 * Keys are generated once per JVM and handed out in turn, so tests stay fast while every CA of one
 * {@code TestPki} gets its own key (a "foreign root" with the same name really is a different CA).
 */
public final class TestPki {
  /** The fixed instant tests evaluate at; certificates are valid around it by default. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final Map<String, List<KeyPair>> KEYS = new ConcurrentHashMap<>();
  private static final AtomicLong SERIAL = new AtomicLong(0x1000);

  private final Instant now;
  private final Map<String, Integer> nextKey = new ConcurrentHashMap<>();

  public TestPki() {
    this(NOW);
  }

  public TestPki(Instant now) {
    this.now = now;
  }

  public Instant now() {
    return now;
  }

  /** A self-signed root CA, RSA 2048, SHA-256, valid 10 years around now. */
  public Ca root(String dn) {
    return cert(dn).ca().validFor(Duration.ofDays(3650)).buildCa();
  }

  /** A builder for any certificate; without {@link Builder#issuer} it is self-signed. */
  public Builder cert(String dn) {
    return new Builder(dn);
  }

  /** A key pair of this kind ("RSA-2048", "RSA-1024", "EC-secp256r1", ...) not yet used by this TestPki. */
  public KeyPair key(String kind) {
    int i = nextKey.merge(kind, 1, Integer::sum) - 1;
    List<KeyPair> pool = KEYS.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
    synchronized (pool) {
      while (pool.size() <= i) {
        pool.add(generate(kind));
      }
      return pool.get(i);
    }
  }

  private static KeyPair generate(String kind) {
    try {
      String[] parts = kind.split("-", 2);
      KeyPairGenerator g = KeyPairGenerator.getInstance(parts[0], BC);
      if (parts.length == 1) {
        // Ed25519, Ed448: no parameters
      } else if (parts[0].equals("EC")) {
        g.initialize(new ECGenParameterSpec(parts[1]), new SecureRandom());
      } else {
        g.initialize(Integer.parseInt(parts[1]), new SecureRandom());
      }
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException("cannot generate a " + kind + " key", e);
    }
  }

  /**
   * DER of a server leaf for {@code host} and of the CA "CN=Explicit Curve CA" that signed it, whose P-256 key
   * is written with explicit curve parameters instead of the curve's name, as the CurveBall (CVE-2020-0601)
   * certificates were: the JDK refuses to decode that CA, Bouncy Castle builds it.
   */
  public List<byte[]> explicitCurveChain(String host) {
    try {
      java.security.spec.ECParameterSpec named = ((java.security.interfaces.ECPublicKey) key("EC-secp256r1").getPublic()).getParams();
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
      // a plain ECParameterSpec, not a named one: Bouncy Castle then encodes the parameters themselves
      g.initialize(new java.security.spec.ECParameterSpec(named.getCurve(), named.getGenerator(), named.getOrder(), named.getCofactor()));
      KeyPair caKey = g.generateKeyPair();
      X500Name caName = new X500Name("CN=Explicit Curve CA");
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(caKey.getPrivate());
      Date from = Date.from(now.minus(Duration.ofDays(30)));
      Date to = Date.from(now.plus(Duration.ofDays(365)));
      X509CertificateHolder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(SERIAL.incrementAndGet()), from, to, caName, caKey.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)).build(signer);
      X509CertificateHolder leaf = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(SERIAL.incrementAndGet()), from, to,
          new X500Name("CN=" + host), key("RSA-2048").getPublic())
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)).build(signer);
      return List.of(leaf.getEncoded(), ca.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the explicit-curve chain", e);
    }
  }

  /** A CA: its certificate and key; it issues further certificates. */
  public final class Ca {
    private final X509Certificate certificate;
    private final KeyPair keyPair;

    Ca(X509Certificate certificate, KeyPair keyPair) {
      this.certificate = certificate;
      this.keyPair = keyPair;
    }

    public X509Certificate certificate() {
      return certificate;
    }

    public KeyPair keyPair() {
      return keyPair;
    }

    /** An issuing CA below this one (RSA 2048, SHA-256, 5 years). */
    public Ca issuingCa(String dn) {
      return cert(dn).issuer(this).ca().validFor(Duration.ofDays(1825)).buildCa();
    }

    /**
     * A server leaf for this host name: SAN DNS:host, CN=host, EKU serverAuth+clientAuth, Key Usage
     * digitalSignature+keyEncipherment, a CDP and an AIA, RSA 2048, SHA-256, valid a year around now.
     */
    public Builder leaf(String host) {
      return cert("CN=" + host).issuer(this).dns(host).eku(SERVER_AUTH, CLIENT_AUTH)
          .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
          .cdp("http://pki.example.test/crl/issuing.crl").aia("http://pki.example.test/aia/issuing.crt");
    }
  }

  /** One certificate's settings. Every setter returns this. */
  public final class Builder {
    private final String subject;
    private Ca issuer;
    private String keyKind = "RSA-2048";
    private KeyPair keyPair;
    private String signatureAlgorithm;
    private Instant notBefore = now.minus(Duration.ofDays(30));
    private Instant notAfter = now.plus(Duration.ofDays(335));
    private final List<GeneralName> sans = new ArrayList<>();
    private List<String> eku;
    private Integer keyUsage;
    private final List<String> cdp = new ArrayList<>();
    private final List<String> aia = new ArrayList<>();
    private boolean ca;
    private boolean v1;
    private BigInteger serial;

    Builder(String subject) {
      this.subject = subject;
    }

    public Builder issuer(Ca ca) {
      this.issuer = ca;
      return this;
    }

    public Builder ca() {
      this.ca = true;
      this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
      return this;
    }

    /** "RSA-1024", "RSA-512", "EC-secp256r1", "EC-secp224r1", "DSA-1024", "Ed25519"... */
    public Builder key(String kind) {
      this.keyKind = kind;
      return this;
    }

    public Builder keyPair(KeyPair keyPair) {
      this.keyPair = keyPair;
      return this;
    }

    /** "SHA256withRSA" by default (SHA256withECDSA for EC issuers); "MD5withRSA", "SHA1withRSA" for the defects. */
    public Builder signature(String algorithm) {
      this.signatureAlgorithm = algorithm;
      return this;
    }

    public Builder validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    /** Valid from 30 days before now for this long. */
    public Builder validFor(Duration d) {
      this.notBefore = now.minus(Duration.ofDays(30));
      this.notAfter = notBefore.plus(d);
      return this;
    }

    public Builder expiredDaysAgo(long days) {
      return validity(now.minus(Duration.ofDays(days + 365)), now.minus(Duration.ofDays(days)));
    }

    public Builder validInDays(long days) {
      return validity(now.plus(Duration.ofDays(days)), now.plus(Duration.ofDays(days + 365)));
    }

    public Builder expiresInDays(long days) {
      return validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(days)));
    }

    /** Adds DNS SANs (replacing the default of a leaf when called with no names: see {@link #noSan}). */
    public Builder dns(String... names) {
      for (String n : names) {
        sans.add(new GeneralName(GeneralName.dNSName, n));
      }
      return this;
    }

    public Builder ip(String... addresses) {
      for (String a : addresses) {
        sans.add(new GeneralName(GeneralName.iPAddress, a));
      }
      return this;
    }

    public Builder noSan() {
      sans.clear();
      return this;
    }

    /** The EKU OIDs; {@code eku()} with none writes an empty-purpose list is not allowed, so use {@link #noEku}. */
    public Builder eku(String... oids) {
      this.eku = List.of(oids);
      return this;
    }

    /** No EKU extension at all (RFC 5280: any purpose). */
    public Builder noEku() {
      this.eku = null;
      return this;
    }

    /** Key Usage bits as BC's {@link KeyUsage} constants, or-ed; null for no extension. */
    public Builder keyUsage(Integer bits) {
      this.keyUsage = bits;
      return this;
    }

    public Builder cdp(String url) {
      cdp.add(url);
      return this;
    }

    public Builder noCdp() {
      cdp.clear();
      return this;
    }

    public Builder aia(String url) {
      aia.add(url);
      return this;
    }

    public Builder noAia() {
      aia.clear();
      return this;
    }

    /** This serial number instead of the next of the run (a CRL test revokes a serial it chose). */
    public Builder serial(BigInteger serial) {
      this.serial = serial;
      return this;
    }

    /** An X.509 v1 certificate: no extensions at all. */
    public Builder v1() {
      this.v1 = true;
      return this;
    }

    public X509Certificate build() {
      return buildCa().certificate();
    }

    public Ca buildCa() {
      try {
        KeyPair kp = keyPair != null ? keyPair : TestPki.this.key(keyKind);
        X500Name subjectName = X500Name.getInstance(new javax.security.auth.x500.X500Principal(subject).getEncoded()); // RFC 2253 order, as reports print it
        X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        PrivateKey signingKey = issuer == null ? kp.getPrivate() : issuer.keyPair().getPrivate();
        String alg = signatureAlgorithm != null ? signatureAlgorithm
            : signingKey.getAlgorithm().equals("EC") || signingKey.getAlgorithm().equals("ECDSA") ? "SHA256withECDSA"
            : signingKey.getAlgorithm().equals("DSA") ? "SHA256withDSA" : "SHA256withRSA";
        ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BC).build(signingKey);
        BigInteger serial = this.serial != null ? this.serial : BigInteger.valueOf(SERIAL.incrementAndGet());
        X509CertificateHolder holder;
        if (v1) {
          X509v1CertificateBuilder b = new JcaX509v1CertificateBuilder(issuerName, serial, Date.from(notBefore), Date.from(notAfter), subjectName, kp.getPublic());
          holder = b.build(signer);
        } else {
          JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(notBefore), Date.from(notAfter), subjectName, kp.getPublic());
          JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
          if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          }
          b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
          if (issuer != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.certificate()));
          }
          if (keyUsage != null) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
          }
          if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(eku.stream().map(o -> KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier(o))).toArray(KeyPurposeId[]::new)));
          }
          if (!sans.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
          }
          if (!cdp.isEmpty()) {
            DistributionPoint[] dps = cdp.stream().map(u -> new DistributionPoint(
                new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, u))), null, null))
                .toArray(DistributionPoint[]::new);
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(dps));
          }
          if (!aia.isEmpty()) {
            AccessDescription[] ads = aia.stream().map(u -> new AccessDescription(AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, u))).toArray(AccessDescription[]::new);
            b.addExtension(Extension.authorityInfoAccess, false, AuthorityInformationAccess.getInstance(new DERSequence(ads)));
          }
          holder = b.build(signer);
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
        return new Ca(cert, kp);
      } catch (Exception e) {
        throw new IllegalStateException("cannot build certificate " + subject, e);
      }
    }
  }
}
