package org.tlsprobe.pki;

import java.io.IOException;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Why the JDK could not decode a DER certificate, said so that an admin can act on it. Bouncy Castle reads
 * the bare X.509 structure where the JDK refused the whole certificate, so the certificate is named by its
 * subject when that much is readable, and the one refusal seen in the field with a known cause, a public
 * key with explicit elliptic-curve parameters, is said in words rather than as the JDK's exception.
 */
public final class UndecodableCertificate {
  static final String EXPLICIT_CURVE = "its public key has explicit elliptic-curve parameters instead of a named curve: "
      + "RFC 5480 forbids them in certificates, many TLS stacks refuse them (the JDK among them), and CVE-2020-0601 "
      + "(\"CurveBall\") used them to spoof trusted roots on Windows; re-issue it with a named-curve key such as P-256";

  private UndecodableCertificate() {}

  /** E.g. {@code PEM block 2 "CN=Example CA" cannot be decoded: its public key has explicit ...}. */
  public static String sentence(String what, byte[] der, Throwable refusal) {
    return sentence(what, subject(der), why(der, refusal));
  }

  /** {@code what}, the subject when known, "cannot be decoded:", and {@code why}. */
  public static String sentence(String what, Optional<X500Principal> subject, String why) {
    return what + (subject.isPresent() ? " \"" + subject.get().getName() + "\"" : "") + " cannot be decoded: " + why;
  }

  /** The reason in words where it is known, else the JDK's innermost message. */
  public static String why(byte[] der, Throwable refusal) {
    Certificate structure = structure(der);
    if (structure != null && explicitCurve(structure.getSubjectPublicKeyInfo().getAlgorithm())) {
      return EXPLICIT_CURVE;
    }
    return rootMessage(refusal);
  }

  /** The subject of a certificate the JDK refused, when Bouncy Castle can read that much of it. */
  public static Optional<X500Principal> subject(byte[] der) {
    Certificate structure = structure(der);
    if (structure == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new X500Principal(structure.getSubject().getEncoded()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a name the JDK cannot take, which may be why it refused the certificate
    }
  }

  /** The first DER object, read as a certificate; what follows it (OpenSSL trust settings, more certificates) is left. */
  private static Certificate structure(byte[] der) {
    try (ASN1InputStream in = new ASN1InputStream(der)) {
      return Certificate.getInstance(in.readObject());
    } catch (IOException | RuntimeException e) {
      return null; // not even the outline of a certificate
    }
  }

  /** id-ecPublicKey whose parameters are an ECParameters SEQUENCE, not a curve's OID. */
  private static boolean explicitCurve(AlgorithmIdentifier key) {
    return X9ObjectIdentifiers.id_ecPublicKey.equals(key.getAlgorithm()) && key.getParameters() instanceof ASN1Sequence;
  }

  /** The innermost message: the JDK wraps the real reason in exceptions that name each other in their messages. */
  private static String rootMessage(Throwable refusal) {
    Throwable t = refusal;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
