package org.tlsprobe.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a client identity for MTLS: a PKCS#12 file (.p12/.pfx), or PEM certificates with a PEM private key
 * (PKCS#8, PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY", encrypted or not), in the same file or a
 * separate one. RSA and EC keys. The password is asked for only when a file needs one.
 */
public final class ClientIdentityLoader {
  private static final int MAX_FILE_BYTES = 4 << 20;

  private ClientIdentityLoader() {}

  /**
   * @param certFile PKCS#12, or PEM holding the certificate chain (leaf first), possibly with the key
   * @param keyFile the PEM private key when it is not in {@code certFile}; null otherwise
   * @param password gives the password for the named file, or null when there is none to give
   */
  public static ClientIdentity load(Path certFile, Path keyFile, Function<String, char[]> password)
      throws ClientIdentityException {
    byte[] certBytes = read(certFile);
    if (!looksLikePem(certBytes)) {
      if (keyFile != null) {
        return fromPem(certFile, certBytes, keyFile, read(keyFile), password);
      }
      return fromPkcs12(certFile, certBytes, password);
    }
    return fromPem(certFile, certBytes, keyFile, keyFile == null ? null : read(keyFile), password);
  }

  private static byte[] read(Path p) throws ClientIdentityException {
    try {
      if (Files.size(p) > MAX_FILE_BYTES) {
        throw new ClientIdentityException(p + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB, not a certificate or key file");
      }
      return Files.readAllBytes(p);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ClientIdentityException(p + ": no such file");
    } catch (IOException e) {
      throw new ClientIdentityException(p + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static boolean looksLikePem(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 64 << 10), StandardCharsets.ISO_8859_1);
    return head.contains("-----BEGIN ");
  }

  private static ClientIdentity fromPkcs12(Path file, byte[] bytes, Function<String, char[]> password)
      throws ClientIdentityException {
    KeyStore ks;
    char[] pw = new char[0];
    try {
      ks = KeyStore.getInstance("PKCS12");
      try {
        ks.load(new java.io.ByteArrayInputStream(bytes), pw);
      } catch (IOException wrongOrMissing) {
        pw = password.apply(file.toString());
        if (pw == null) {
          throw new ClientIdentityException(file + ": the PKCS#12 file needs a password; give it with --password-env VAR"
              + " or run interactively to be asked");
        }
        ks = KeyStore.getInstance("PKCS12");
        ks.load(new java.io.ByteArrayInputStream(bytes), pw);
      }
    } catch (IOException e) {
      boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).toLowerCase().contains("password");
      throw new ClientIdentityException(file + (badPassword ? ": wrong password for the PKCS#12 file"
          : ": neither PEM nor a readable PKCS#12 file (" + e.getMessage() + "); give a .p12/.pfx, or a PEM certificate with --client-key"));
    } catch (GeneralSecurityException e) {
      throw new ClientIdentityException(file + ": cannot read the PKCS#12 file: " + e.getMessage(), e);
    }
    try {
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          Key key = ks.getKey(alias, pw);
          Certificate[] chain = ks.getCertificateChain(alias);
          if (key instanceof PrivateKey && chain != null && chain.length > 0) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
              certs.add((X509Certificate) c);
            }
            return checked(file, new ClientIdentity((PrivateKey) key, certs));
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new ClientIdentityException(file + ": cannot read the private key in the PKCS#12 file: " + e.getMessage(), e);
    } finally {
      Arrays.fill(pw, '\0');
    }
    throw new ClientIdentityException(file + ": the PKCS#12 file holds no private key with a certificate");
  }

  private static ClientIdentity fromPem(Path certFile, byte[] certBytes, Path keyFile, byte[] keyBytes,
      Function<String, char[]> password) throws ClientIdentityException {
    List<X509Certificate> certs = new ArrayList<>();
    List<PrivateKey> keys = new ArrayList<>();
    readPem(certFile, certBytes, certs, keys, password);
    if (keyFile != null) {
      readPem(keyFile, keyBytes, new ArrayList<>(), keys, password);
    }
    if (certs.isEmpty()) {
      throw new ClientIdentityException(certFile + ": no certificate found (expected a PEM CERTIFICATE block or a PKCS#12 file)");
    }
    if (keys.isEmpty()) {
      throw new ClientIdentityException((keyFile != null ? keyFile : certFile)
          + ": no private key found; give the key with --client-key FILE (PEM: PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }
    return checked(keyFile != null ? keyFile : certFile, new ClientIdentity(keys.get(0), certs));
  }

  private static void readPem(Path file, byte[] bytes, List<X509Certificate> certs, List<PrivateKey> keys,
      Function<String, char[]> password) throws ClientIdentityException {
    JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
    try (Reader r = new StringReader(new String(bytes, StandardCharsets.US_ASCII)); PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof X509CertificateHolder) {
          certs.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) o));
        } else if (o instanceof PrivateKeyInfo) {
          keys.add(keyConverter.getPrivateKey((PrivateKeyInfo) o));
        } else if (o instanceof PEMKeyPair) {
          keys.add(keyConverter.getPrivateKey(((PEMKeyPair) o).getPrivateKeyInfo())); // SEC1 keys may lack the public key
        } else if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
          char[] pw = need(file, password);
          try {
            keys.add(keyConverter.getPrivateKey(((PKCS8EncryptedPrivateKeyInfo) o)
                .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().build(pw))));
          } catch (Exception e) {
            throw new ClientIdentityException(file + ": cannot decrypt the private key (wrong password?)", e);
          } finally {
            Arrays.fill(pw, '\0');
          }
        } else if (o instanceof PEMEncryptedKeyPair) {
          char[] pw = need(file, password);
          try {
            keys.add(keyConverter.getPrivateKey(((PEMEncryptedKeyPair) o)
                .decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(pw)).getPrivateKeyInfo()));
          } catch (Exception e) {
            throw new ClientIdentityException(file + ": cannot decrypt the private key (wrong password?)", e);
          } finally {
            Arrays.fill(pw, '\0');
          }
        }
      }
    } catch (ClientIdentityException e) {
      throw e;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new ClientIdentityException(file + ": not readable PEM (" + e.getMessage() + ")", e);
    }
  }

  private static char[] need(Path file, Function<String, char[]> password) throws ClientIdentityException {
    char[] pw = password.apply(file.toString());
    if (pw == null) {
      throw new ClientIdentityException(file + ": the private key is encrypted; give its password with --password-env VAR"
          + " or run interactively to be asked");
    }
    return pw;
  }

  /** The key must belong to the leaf, and only RSA and EC keys can sign a TLS CertificateVerify here. */
  private static ClientIdentity checked(Path file, ClientIdentity id) throws ClientIdentityException {
    String alg = id.key().getAlgorithm();
    if (!alg.equals("RSA") && !alg.equals("EC") && !alg.equals("ECDSA")) {
      throw new ClientIdentityException(file + ": a " + alg + " key; client certificates need an RSA or ECDSA key");
    }
    PublicKey pub = id.leaf().getPublicKey();
    if (!matches(pub, id.key())) {
      throw new ClientIdentityException(file + ": the private key does not belong to the certificate "
          + id.leaf().getSubjectX500Principal().getName());
    }
    return id;
  }

  private static boolean matches(PublicKey pub, PrivateKey key) {
    if (pub instanceof java.security.interfaces.RSAPublicKey && key instanceof java.security.interfaces.RSAPrivateKey) {
      return ((java.security.interfaces.RSAPublicKey) pub).getModulus()
          .equals(((java.security.interfaces.RSAPrivateKey) key).getModulus());
    }
    if (pub instanceof java.security.interfaces.ECPublicKey && key instanceof java.security.interfaces.ECPrivateKey) {
      java.security.spec.ECParameterSpec a = ((java.security.interfaces.ECPublicKey) pub).getParams();
      java.security.spec.ECParameterSpec b = ((java.security.interfaces.ECPrivateKey) key).getParams();
      return a.getOrder().equals(b.getOrder()); // same curve; a full check would need a point multiplication
    }
    return false;
  }

}
