package org.tlsprobe.pki;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** What a DER structure is, by its shape: tells a certificate from a key, a CSR, a CRL, PKCS#7 and PKCS#12. */
enum DerKind {
  CERTIFICATE("a certificate"),
  PKCS7_SIGNED_DATA("PKCS#7 signed data"),
  PKCS7_OTHER("a PKCS#7 structure without certificates"),
  PKCS12("a PKCS#12 file"),
  CSR("a certificate signing request (CSR), not a certificate: send it to the CA and read the certificate it returns"),
  CRL("a CRL (certificate revocation list), not a certificate"),
  PRIVATE_KEY("a private key, not a certificate"),
  ENCRYPTED_PRIVATE_KEY("an encrypted private key, not a certificate"),
  PUBLIC_KEY("a public key, not a certificate"),
  OTHER("DER data that is not a certificate");

  final String description;

  DerKind(String description) {
    this.description = description;
  }

  /** The first ASN.1 object of the bytes, or null when they do not start with one. */
  static ASN1Primitive firstObject(byte[] der) {
    // Eager (not lazy) parsing: a damaged inner length then fails here, not later when a field is read.
    try (ASN1InputStream in = new ASN1InputStream(der, false)) {
      return in.readObject();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static DerKind of(ASN1Primitive obj) {
    try {
      return shape(obj);
    } catch (RuntimeException e) {
      return OTHER; // a structure Bouncy Castle cannot walk is no certificate either
    }
  }

  private static DerKind shape(ASN1Primitive obj) {
    if (!(obj instanceof ASN1Sequence)) {
      return OTHER;
    }
    ASN1Sequence seq = (ASN1Sequence) obj;
    int n = seq.size();
    if (n == 0) {
      return OTHER;
    }
    ASN1Encodable first = seq.getObjectAt(0);
    if (first instanceof ASN1ObjectIdentifier) {
      return PKCSObjectIdentifiers.signedData.equals(first) ? PKCS7_SIGNED_DATA : PKCS7_OTHER;
    }
    if (n >= 2 && isInt(first, 3) && seq.getObjectAt(1) instanceof ASN1Sequence) {
      return PKCS12;
    }
    if (n == 3 && first instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1BitString) {
      return signedKind((ASN1Sequence) first);
    }
    if (n == 3 && first instanceof ASN1Integer && seq.getObjectAt(1) instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1OctetString) {
      return PRIVATE_KEY; // PKCS#8 PrivateKeyInfo
    }
    if (n >= 2 && isInt(first, 1) && seq.getObjectAt(1) instanceof ASN1OctetString) {
      return PRIVATE_KEY; // SEC 1 ECPrivateKey
    }
    if (n >= 9 && isInt(first, 0) && seq.getObjectAt(1) instanceof ASN1Integer) {
      return PRIVATE_KEY; // PKCS#1 RSAPrivateKey
    }
    if (n == 6 && isInt(first, 0) && seq.getObjectAt(5) instanceof ASN1Integer) {
      return PRIVATE_KEY; // OpenSSL DSA private key
    }
    if (n == 2 && first instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1OctetString) {
      return ENCRYPTED_PRIVATE_KEY;
    }
    if (n == 2 && first instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1BitString) {
      return PUBLIC_KEY;
    }
    return OTHER;
  }

  private static DerKind signedKind(ASN1Sequence tbs) {
    if (tbs.size() == 0) {
      return OTHER;
    }
    ASN1Encodable first = tbs.getObjectAt(0);
    if (first instanceof ASN1TaggedObject && ((ASN1TaggedObject) first).getTagNo() == 0) {
      return CERTIFICATE; // explicit version: v2/v3 TBSCertificate
    }
    for (int i = 0; i < Math.min(tbs.size(), 4); i++) {
      ASN1Encodable e = tbs.getObjectAt(i);
      if (e instanceof ASN1UTCTime || e instanceof ASN1GeneralizedTime) {
        return CRL; // thisUpdate sits directly in TBSCertList; a certificate's times are inside Validity
      }
    }
    if (tbs.size() >= 3 && isInt(first, 0) && tbs.getObjectAt(1) instanceof ASN1Sequence && tbs.getObjectAt(2) instanceof ASN1Sequence
        && ((ASN1Sequence) tbs.getObjectAt(2)).size() == 2 && ((ASN1Sequence) tbs.getObjectAt(2)).getObjectAt(1) instanceof ASN1BitString) {
      return CSR;
    }
    if (tbs.size() >= 6 && first instanceof ASN1Integer) {
      return CERTIFICATE; // v1: serial, signature, issuer, validity, subject, key
    }
    return OTHER;
  }

  private static boolean isInt(ASN1Encodable e, int value) {
    return e instanceof ASN1Integer && ((ASN1Integer) e).hasValue(value);
  }
}
