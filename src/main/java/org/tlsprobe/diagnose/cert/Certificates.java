package org.tlsprobe.diagnose.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.pki.UndecodableCertificate;

/** Decoding certificates and reading the facts the rules and reports need from them. */
public final class Certificates {
  public static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  public static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  public static final String EKU_ANY = "2.5.29.37.0";

  // X509Certificate.getKeyUsage() bit positions (RFC 5280 4.2.1.3).
  public static final int KU_DIGITAL_SIGNATURE = 0;
  public static final int KU_KEY_ENCIPHERMENT = 2;
  public static final int KU_KEY_AGREEMENT = 4;
  public static final int KU_KEY_CERT_SIGN = 5;

  /** Bouncy Castle's provider, made on first use: it takes about 0.4 s to build and is rarely needed. */
  private static final class Bc {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  }

  private Certificates() {}

  /**
   * Decodes DER certificates in order. One that does not decode is skipped and described in {@code
   * problems} ("certificate 2 \"CN=...\" cannot be decoded: ..."), so one bad certificate does not hide the others.
   */
  public static List<X509Certificate> decode(List<byte[]> der, List<String> problems) {
    List<X509Certificate> out = new ArrayList<>();
    for (int i = 0; i < der.size(); i++) {
      try {
        out.add(decode(der.get(i)));
      } catch (CertificateException | RuntimeException e) {
        problems.add(UndecodableCertificate.sentence("certificate " + i, der.get(i), e));
      }
    }
    return out;
  }

  /** One DER certificate; {@link UndecodableCertificate#why} tells a refusal in words. */
  public static X509Certificate decode(byte[] der) throws CertificateException {
    // every JDK has an X.509 factory: its absence would be a CertificateException like any refusal
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** Same certificate for trust purposes: same subject and same public key (re-issued roots count as one). */
  public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
    return a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
        && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
  }

  /** Whether {@code issuer} issued {@code cert}: its subject is cert's issuer and its key verifies cert's signature. */
  public static boolean issued(X509Certificate issuer, X509Certificate cert) {
    return issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, issuer);
  }

  /** Whether the certificate names itself as issuer and its own key verifies its signature. */
  public static boolean isSelfSigned(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && signedBy(c, c);
  }

  private record Signed(X509Certificate cert, X509Certificate by) {
    // written out: a record's generated equals and hashCode go through method handles, slow in C1 code
    @Override
    public int hashCode() {
      return 31 * cert.hashCode() + by.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Signed s && (cert == s.cert || cert.equals(s.cert)) && (by == s.by || by.equals(s.by));
    }
  }

  // Rules and path building ask this of the same pairs flow after flow (a capture repeats its chains), and
  // a signature check is the expensive part.
  private static final BoundedCache<Signed, Boolean> SIGNED = new BoundedCache<>(8192);

  /** Whether {@code issuer}'s key verifies {@code cert}'s signature (names not compared); memoized. */
  public static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
    return SIGNED.get(new Signed(cert, issuer), k -> verifies(k.by().getPublicKey(), k.cert()));
  }

  /** Signature check that also works for algorithms the JDK's providers refuse or lack (MD2, MD5 on some JDKs). */
  public static boolean verifies(PublicKey key, X509Certificate cert) {
    try {
      cert.verify(key);
      return true;
    } catch (NoSuchAlgorithmException e) {
      try {
        cert.verify(key, Bc.PROVIDER);
        return true;
      } catch (Exception e2) {
        return false;
      }
    } catch (Exception e) {
      return false;
    }
  }

  /** Whether basicConstraints says CA (version 1 certificates, which have none, count as CA only when self-signed). */
  public static boolean isCa(X509Certificate c) {
    return c.getBasicConstraints() >= 0 || (c.getVersion() < 3 && isSelfSigned(c));
  }

  /**
   * A CA certificate with no sign of serving TLS itself: the CA flag set, no subject alternative name, and
   * neither Server nor Client Authentication in its EKU. Self-signed server certificates made with
   * {@code openssl req -x509} often carry the CA flag too, but they name their host in a SAN.
   */
  public static boolean isCaOnly(X509Certificate c) {
    List<String> eku = extendedKeyUsage(c);
    return c.getBasicConstraints() >= 0 && !hasSubjectAltNames(c) && !eku.contains(EKU_SERVER_AUTH) && !eku.contains(EKU_CLIENT_AUTH);
  }

  private static boolean hasSubjectAltNames(X509Certificate c) {
    try {
      return c.getSubjectAlternativeNames() != null;
    } catch (CertificateParsingException e) {
      return true; // a SAN extension is there, even if it does not parse
    }
  }

  /** The EKU OIDs; empty when the extension is absent (which RFC 5280 reads as "any purpose"). */
  public static List<String> extendedKeyUsage(X509Certificate c) {
    try {
      List<String> eku = c.getExtendedKeyUsage();
      return eku == null ? List.of() : List.copyOf(eku);
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  /** Whether the EKU extension allows this purpose (absent extension and anyExtendedKeyUsage allow all). */
  public static boolean ekuAllows(X509Certificate c, String oid) {
    List<String> eku = extendedKeyUsage(c);
    return eku.isEmpty() || eku.contains(oid) || eku.contains(EKU_ANY);
  }

  /** A readable name for an EKU OID: serverAuth, clientAuth, ... or the OID itself. */
  public static String ekuName(String oid) {
    switch (oid) {
      case EKU_SERVER_AUTH: return "serverAuth";
      case EKU_CLIENT_AUTH: return "clientAuth";
      case "1.3.6.1.5.5.7.3.3": return "codeSigning";
      case "1.3.6.1.5.5.7.3.4": return "emailProtection";
      case "1.3.6.1.5.5.7.3.8": return "timeStamping";
      case "1.3.6.1.5.5.7.3.9": return "OCSPSigning";
      case EKU_ANY: return "anyExtendedKeyUsage";
      case "1.3.6.1.4.1.311.10.3.3": return "msSGC";
      case "2.16.840.1.113730.4.1": return "nsSGC";
      default: return oid;
    }
  }

  /** Subject alternative names as {@code DNS:host}, {@code IP:addr}, {@code email:...}, {@code URI:...}. */
  public static List<String> subjectAlternativeNames(X509Certificate c) {
    List<String> out = new ArrayList<>();
    Collection<List<?>> sans;
    try {
      sans = c.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    if (sans == null) {
      return List.of();
    }
    for (List<?> san : sans) {
      int type = (Integer) san.get(0);
      Object value = san.get(1);
      String v = value instanceof String ? (String) value : "(binary)";
      switch (type) {
        case 1: out.add("email:" + v); break;
        case 2: out.add("DNS:" + v); break;
        case 4: out.add("DirName:" + v); break;
        case 6: out.add("URI:" + v); break;
        case 7: out.add("IP:" + v); break;
        default: out.add("other:" + v); break;
      }
    }
    return out;
  }

  /** Whether the certificate has a subjectAltName extension at all. */
  public static boolean hasSan(X509Certificate c) {
    return c.getExtensionValue(Extension.subjectAlternativeName.getId()) != null;
  }

  /** Key size in bits (RSA modulus, DSA p, EC field/order), or -1 when unknown. */
  public static int keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return ((RSAPublicKey) key).getModulus().bitLength();
    }
    if (key instanceof DSAPublicKey && ((DSAPublicKey) key).getParams() != null) {
      return ((DSAPublicKey) key).getParams().getP().bitLength();
    }
    if (key instanceof ECPublicKey) {
      return ((ECPublicKey) key).getParams().getOrder().bitLength();
    }
    if ("EC".equals(key.getAlgorithm())) {
      return namedCurveBits(key); // a curve this JDK cannot use still has a size
    }
    String alg = key.getAlgorithm();
    if ("Ed25519".equalsIgnoreCase(alg) || "X25519".equalsIgnoreCase(alg)) {
      return 256;
    }
    if ("Ed448".equalsIgnoreCase(alg) || "X448".equalsIgnoreCase(alg)) {
      return 448;
    }
    return -1;
  }

  private static int namedCurveBits(PublicKey key) {
    try {
      org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded());
      org.bouncycastle.asn1.ASN1ObjectIdentifier curve =
          org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(spki.getAlgorithm().getParameters());
      org.bouncycastle.asn1.x9.X9ECParameters p = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(curve);
      return p == null ? -1 : p.getN().bitLength();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** {@code RSA 2048}, {@code EC 256}, {@code Ed25519}. */
  public static String keyDescription(PublicKey key) {
    String alg = key.getAlgorithm();
    if (alg.startsWith("Ed") || alg.startsWith("X")) {
      return alg;
    }
    int bits = keyBits(key);
    return bits > 0 ? alg + " " + bits : alg;
  }

  /** The signature algorithm name (SHA256withRSA, MD5withRSA, ...), or its OID when the JDK has no name. */
  public static String signatureAlgorithm(X509Certificate c) {
    String name = c.getSigAlgName();
    return name == null ? c.getSigAlgOID() : name;
  }

  /** CRL distribution point URLs (full names only). */
  public static List<String> crlDistributionPoints(X509Certificate c) {
    List<String> out = new ArrayList<>();
    ASN1Primitive ext = extension(c, Extension.cRLDistributionPoints.getId());
    if (ext == null) {
      return out;
    }
    for (DistributionPoint dp : CRLDistPoint.getInstance(ext).getDistributionPoints()) {
      DistributionPointName name = dp.getDistributionPoint();
      if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
        for (GeneralName gn : GeneralNames.getInstance(name.getName()).getNames()) {
          if (gn.getTagNo() == GeneralName.uniformResourceIdentifier) {
            out.add(gn.getName().toString());
          }
        }
      }
    }
    return out;
  }

  /** Whether the certificate has a cRLDistributionPoints extension. */
  public static boolean hasCdp(X509Certificate c) {
    return c.getExtensionValue(Extension.cRLDistributionPoints.getId()) != null;
  }

  /** Authority Information Access URLs: CA issuers first, then OCSP. */
  public static List<String> authorityInformationAccess(X509Certificate c) {
    List<String> caIssuers = new ArrayList<>();
    List<String> ocsp = new ArrayList<>();
    ASN1Primitive ext = extension(c, Extension.authorityInfoAccess.getId());
    if (ext == null) {
      return caIssuers;
    }
    for (AccessDescription ad : AuthorityInformationAccess.getInstance(ext).getAccessDescriptions()) {
      if (ad.getAccessLocation().getTagNo() != GeneralName.uniformResourceIdentifier) {
        continue;
      }
      String url = ad.getAccessLocation().getName().toString();
      (AccessDescription.id_ad_caIssuers.equals(ad.getAccessMethod()) ? caIssuers : ocsp).add(url);
    }
    caIssuers.addAll(ocsp);
    return caIssuers;
  }

  /** Only the AIA "CA Issuers" URLs: where the issuer's certificate can be downloaded. */
  public static List<String> caIssuersUrls(X509Certificate c) {
    List<String> out = new ArrayList<>();
    ASN1Primitive ext = extension(c, Extension.authorityInfoAccess.getId());
    if (ext != null) {
      for (AccessDescription ad : AuthorityInformationAccess.getInstance(ext).getAccessDescriptions()) {
        if (AccessDescription.id_ad_caIssuers.equals(ad.getAccessMethod())
            && ad.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
          out.add(ad.getAccessLocation().getName().toString());
        }
      }
    }
    return out;
  }

  /** SHA-256 of the DER encoding, upper-case hex without separators (like Windows' thumbprint column). */
  public static String sha256(X509Certificate c) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (Exception e) {
      return "";
    }
  }

  /** The subject DN as RFC 2253 text (most specific first: {@code CN=...,O=...}). */
  public static String subject(X509Certificate c) {
    return c.getSubjectX500Principal().getName();
  }

  public static String issuer(X509Certificate c) {
    return c.getIssuerX500Principal().getName();
  }

  /** The subject's common names (for NAME_MISMATCH when there is no SAN). */
  public static List<String> commonNames(X509Certificate c) {
    List<String> out = new ArrayList<>();
    try {
      javax.naming.ldap.LdapName dn = new javax.naming.ldap.LdapName(c.getSubjectX500Principal().getName());
      for (javax.naming.ldap.Rdn rdn : dn.getRdns()) {
        if (rdn.getType().toUpperCase(Locale.ROOT).equals("CN")) {
          out.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      // A DN the JDK printed but cannot parse back has no usable CN.
    }
    return out;
  }

  private static ASN1Primitive extension(X509Certificate c, String oid) {
    byte[] v = c.getExtensionValue(oid);
    if (v == null) {
      return null;
    }
    try {
      return JcaX509ExtensionUtils.parseExtensionValue(v);
    } catch (IOException e) {
      throw new IllegalArgumentException("extension " + oid + " cannot be parsed: " + e.getMessage(), e);
    }
  }
}
