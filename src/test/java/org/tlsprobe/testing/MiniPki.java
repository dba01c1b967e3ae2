package org.tlsprobe.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for the tests with live peers (Kamailio, openssl, HTTP for CRLs and AIA): EC
 * P-256 chains valid around the real clock with the AIA and CDP URLs, names, EKUs and validity a test asks
 * for, built by {@link TestPki}; and CRLs (fresh, stale, listing serials, signed by the wrong key) and PEM.
 */
public final class MiniPki {
  /** One builder for every certificate here, valid around the real clock (live peers check them). */
  private static final TestPki PKI = new TestPki(Instant.now());

  /** A certificate with its key pair. */
  public record Issued(X509Certificate cert, KeyPair keys) {
    public X500Name name() {
      return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }
  }

  private MiniPki() {}

  public static KeyPair ecKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Spec cert(String cn) {
    return new Spec(cn);
  }

  /** What to issue; defaults: an end-entity valid from an hour ago for a year, self-signed unless issuedBy. */
  public static final class Spec {
    private final String cn;
    private Issued issuer;
    private boolean ca;
    private Instant from = Instant.now().minus(Duration.ofHours(1));
    private Instant to = Instant.now().plus(Duration.ofDays(365));
    private final List<String> sans = new ArrayList<>();
    private final List<String> ekus = new ArrayList<>();
    private final List<String> cdps = new ArrayList<>();
    private final List<String> caIssuers = new ArrayList<>();
    private BigInteger serial;

    private Spec(String cn) {
      this.cn = cn;
    }

    public Spec issuedBy(Issued i) { issuer = i; return this; }
    public Spec ca() { ca = true; return this; }
    public Spec valid(Instant f, Instant t) { from = f; to = t; return this; }
    public Spec san(String... names) { sans.addAll(List.of(names)); return this; }
    public Spec serverAuth() { ekus.add(TestPki.SERVER_AUTH); return this; }
    public Spec clientAuth() { ekus.add(TestPki.CLIENT_AUTH); return this; }
    public Spec cdp(String url) { cdps.add(url); return this; }
    public Spec aia(String url) { caIssuers.add(url); return this; }
    public Spec serial(BigInteger s) { serial = s; return this; }

    /** Built by {@link TestPki}, with a key of its own and the usual key usage of a CA or an (EC) end entity. */
    public Issued issue() {
      KeyPair keys = ecKey();
      TestPki.Builder b = PKI.cert("CN=" + cn + ",O=tlsprobe test").keyPair(keys).validity(from, to);
      if (ca) {
        b.ca();
      } else {
        b.keyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement);
      }
      if (issuer != null) {
        b.issuer(PKI.new Ca(issuer.cert(), issuer.keys()));
      }
      b.dns(sans.toArray(String[]::new));
      cdps.forEach(b::cdp);
      caIssuers.forEach(b::aia);
      if (!ekus.isEmpty()) {
        b.eku(ekus.toArray(String[]::new));
      }
      if (serial != null) {
        b.serial(serial);
      }
      return new Issued(b.build(), keys);
    }
  }

  /** A CRL from {@code issuer} (signed with {@code signingKey}, normally the issuer's) listing {@code revoked}. */
  public static X509CRL crl(Issued issuer, KeyPair signingKey, Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.name(), Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger s : revoked) {
        b.addCRLEntry(s, Date.from(thisUpdate.minus(Duration.ofMinutes(5))), CRLReason.keyCompromise);
      }
      b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
      return new JcaX509CRLConverter().getCRL(b.build(signer(signingKey)));
    } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static X509CRL crl(Issued issuer, Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
    return crl(issuer, issuer.keys(), thisUpdate, nextUpdate, revoked);
  }

  private static ContentSigner signer(KeyPair keys) throws org.bouncycastle.operator.OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
  }

  /** PEM text of certificates, keys or CRLs. */
  public static String pem(Object... objects) {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      for (Object o : objects) {
        w.writeObject(o instanceof KeyPair ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(((KeyPair) o).getPrivate(), null) : o);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return s.toString();
  }

  public static Path writePem(Path file, Object... objects) throws IOException {
    Files.writeString(file, pem(objects));
    return file;
  }
}
