package org.tlsprobe.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** PKCS#12 and JKS key stores: the key entries' chains (leaf first), then the trusted certificates. */
final class KeyStores {
  private KeyStores() {}

  static CertificateFile readPkcs12(Path path, byte[] bytes, PasswordSource passwords) throws CertificateFileException {
    // An empty password is common (exports without one, Java trust stores): try it before asking.
    char[] pw = new char[0];
    KeyStore ks = tryLoad(bytes, pw);
    if (ks == null) {
      pw = passwords.password(path.toString());
      if (pw == null) {
        throw new CertificateFileException(path + ": a PKCS#12 file protected by a password; give it with --password-env VAR");
      }
      try {
        ks = load("PKCS12", bytes, pw);
      } catch (IOException e) {
        if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
          throw new CertificateFileException(path + ": wrong password for this PKCS#12 file (or the file is damaged)", e);
        }
        throw new CertificateFileException(path + ": a PKCS#12 file that cannot be read (" + e.getMessage() + ")", e);
      } catch (Exception e) {
        throw new CertificateFileException(path + ": a PKCS#12 file that cannot be read (" + e.getMessage() + ")", e);
      }
    }
    try {
      List<X509Certificate> certs = certificates(path, ks);
      if (certs.isEmpty()) {
        // The JDK skips certificates that have no key and no Java trust attribute (openssl pkcs12 -nokeys);
        // Bouncy Castle's reader shows them.
        certs = certificateBags(path, bytes, pw);
      }
      if (certs.isEmpty()) {
        throw new CertificateFileException(path + ": a PKCS#12 file with no certificate in it");
      }
      return new CertificateFile(path, "PKCS#12", certs, List.of());
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /** Every certificate bag, read with Bouncy Castle's PKCS#12 classes (which accept an empty password). */
  private static List<X509Certificate> certificateBags(Path path, byte[] bytes, char[] pw) throws CertificateFileException {
    if (pw.length == 0) {
      throw new CertificateFileException(path + ": a PKCS#12 file whose certificates have no key and no Java trust attribute, with an empty "
          + "password, which neither the JDK nor Bouncy Castle reads; export it again with a password, or give the certificates as PEM");
    }
    try {
      org.bouncycastle.pkcs.PKCS12PfxPdu pfx = new org.bouncycastle.pkcs.PKCS12PfxPdu(bytes);
      org.bouncycastle.operator.InputDecryptorProvider decryptor =
          new org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder().setProvider(new BouncyCastleProvider()).build(pw);
      List<X509Certificate> out = new ArrayList<>();
      org.bouncycastle.cert.jcajce.JcaX509CertificateConverter converter = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter();
      for (org.bouncycastle.asn1.pkcs.ContentInfo ci : pfx.getContentInfos()) {
        org.bouncycastle.pkcs.PKCS12SafeBagFactory bags = ci.getContentType().equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.encryptedData)
            ? new org.bouncycastle.pkcs.PKCS12SafeBagFactory(ci, decryptor) : new org.bouncycastle.pkcs.PKCS12SafeBagFactory(ci);
        for (org.bouncycastle.pkcs.PKCS12SafeBag bag : bags.getSafeBags()) {
          if (bag.getBagValue() instanceof org.bouncycastle.cert.X509CertificateHolder) {
            out.add(converter.getCertificate((org.bouncycastle.cert.X509CertificateHolder) bag.getBagValue()));
          }
        }
      }
      return out;
    } catch (Exception e) {
      throw new CertificateFileException(path + ": a PKCS#12 file whose certificates cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static List<X509Certificate> readJks(Path path, byte[] bytes, String type) throws CertificateFileException {
    try {
      // Without a password a JKS loads unverified, and its certificates are readable (they are not encrypted).
      KeyStore ks = load(type, bytes, null);
      List<X509Certificate> certs = certificates(path, ks);
      if (certs.isEmpty()) {
        throw new CertificateFileException(path + ": a " + type + " key store with no certificate in it");
      }
      return certs;
    } catch (CertificateFileException e) {
      throw e;
    } catch (Exception e) {
      throw new CertificateFileException(path + ": a " + type + " key store that cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static KeyStore tryLoad(byte[] bytes, char[] pw) {
    try {
      return load("PKCS12", bytes, pw);
    } catch (Exception e) {
      return null;
    }
  }

  private static KeyStore load(String type, byte[] bytes, char[] pw) throws Exception {
    try {
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(new ByteArrayInputStream(bytes), pw);
      return ks;
    } catch (IOException e) {
      if (!"PKCS12".equals(type) || e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
        throw e;
      }
      // Algorithms the JDK lacks (old Windows exports): Bouncy Castle's PKCS#12 reads more of them.
      KeyStore ks = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
      ks.load(new ByteArrayInputStream(bytes), pw);
      return ks;
    }
  }

  private static List<X509Certificate> certificates(Path path, KeyStore ks) throws CertificateFileException {
    try {
      List<String> aliases = Collections.list(ks.aliases());
      Collections.sort(aliases);
      List<X509Certificate> out = new ArrayList<>();
      for (String alias : aliases) {
        if (ks.isKeyEntry(alias) && ks.getCertificateChain(alias) != null) {
          for (Certificate c : ks.getCertificateChain(alias)) {
            add(out, c);
          }
        }
      }
      for (String alias : aliases) {
        add(out, ks.getCertificate(alias));
      }
      return out;
    } catch (KeyStoreException e) {
      throw new CertificateFileException(path + ": key store entries cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static void add(List<X509Certificate> out, Certificate c) {
    if (c instanceof X509Certificate && !out.contains(c)) {
      out.add((X509Certificate) c);
    }
  }
}
