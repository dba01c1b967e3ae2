package org.tlsprobe.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {
  static final Path PKI = Path.of("src/test/resources/pki");

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + label + "-----\n";
  }

  @Test
  void pemWithKeyAndCertificate_readsTheCertificateAndNotesTheKey() throws Exception {
    byte[] both = (Files.readString(PKI.resolve("server.key")) + Files.readString(PKI.resolve("server-pem.cer"))).getBytes(StandardCharsets.US_ASCII);
    CertificateFile f = CertificateFiles.parse(Path.of("both.pem"), both, PasswordSource.NONE);
    assertEquals(1, f.certificates().size());
    assertEquals("also holds a private key (ignored)", f.notes().get(0));
  }

  @Test
  void utf16PemWithBom_isRead() throws Exception {
    String chain = Files.readString(PKI.resolve("server-chain.pem"));
    byte[] le = ("\uFEFF" + chain).getBytes(StandardCharsets.UTF_16LE);
    byte[] be = ("\uFEFF" + chain).getBytes(StandardCharsets.UTF_16BE);
    assertEquals(2, CertificateFiles.parse(Path.of("le.pem"), le, PasswordSource.NONE).certificates().size());
    assertEquals(2, CertificateFiles.parse(Path.of("be.pem"), be, PasswordSource.NONE).certificates().size());
  }

  @Test
  void utf8BomBeforePem_isRead() throws Exception {
    byte[] pem = ("\uFEFF" + Files.readString(PKI.resolve("server-pem.cer"))).getBytes(StandardCharsets.UTF_8);
    assertEquals(1, CertificateFiles.parse(Path.of("bom.cer"), pem, PasswordSource.NONE).certificates().size());
  }

  @Test
  void concatenatedDer_readsEveryCertificate() throws Exception {
    byte[] leaf = Files.readAllBytes(PKI.resolve("server.der"));
    byte[] root = Files.readAllBytes(PKI.resolve("root-ca.der"));
    byte[] both = new byte[leaf.length + root.length];
    System.arraycopy(leaf, 0, both, 0, leaf.length);
    System.arraycopy(root, 0, both, leaf.length, root.length);
    assertEquals(2, CertificateFiles.parse(Path.of("two.der"), both, PasswordSource.NONE).certificates().size());
  }

  @Test
  void trustedCertificateBlock_isRead() throws Exception {
    byte[] der = Files.readAllBytes(PKI.resolve("root-ca.der"));
    CertificateFile f = CertificateFiles.parse(Path.of("t.pem"), pem("TRUSTED CERTIFICATE", der).getBytes(StandardCharsets.US_ASCII), PasswordSource.NONE);
    assertEquals(1, f.certificates().size());
  }

  @Test
  void damagedBase64_isNamedWithItsBlock() {
    CertificateFileException e = assertThrows(CertificateFileException.class, () -> CertificateFiles.parse(Path.of("bad.pem"),
        "-----BEGIN CERTIFICATE-----\n!!!notbase64\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII), PasswordSource.NONE));
    assertTrue(e.getMessage().startsWith("bad.pem: PEM block 1 (CERTIFICATE): "), e.getMessage());
  }

  @Test
  void pemHeaderWithoutEnd_isSaid() {
    CertificateFileException e = assertThrows(CertificateFileException.class, () -> CertificateFiles.parse(Path.of("cut.pem"),
        "-----BEGIN CERTIFICATE-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII), PasswordSource.NONE));
    assertTrue(e.getMessage().contains("no matching -----END line"), e.getMessage());
  }

  @Test
  void truncatedDerCertificate_isRefusedWithoutAStackTrace() throws Exception {
    byte[] der = Files.readAllBytes(PKI.resolve("server.der"));
    for (int n = 1; n < der.length; n += 37) {
      byte[] cut = java.util.Arrays.copyOf(der, n);
      assertThrows(CertificateFileException.class, () -> CertificateFiles.parse(Path.of("cut.der"), cut, PasswordSource.NONE), "prefix " + n);
    }
  }

  @Test
  void binaryGarbage_isShownAsHex() {
    CertificateFileException e = assertThrows(CertificateFileException.class,
        () -> CertificateFiles.parse(Path.of("x.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}, PasswordSource.NONE));
    assertEquals("x.bin: not a certificate file (starts with bytes 89 50 4e 47 0d 0a)", e.getMessage());
  }

  @Test
  void folder_isNotACertificateFile(@TempDir Path dir) {
    CertificateFileException e = assertThrows(CertificateFileException.class, () -> CertificateFiles.read(dir, PasswordSource.NONE));
    assertTrue(e.getMessage().endsWith("is a folder, not a certificate file"), e.getMessage());
  }

  @Test
  void emptyTrustFolder_isRefused(@TempDir Path dir) {
    CertificateFileException e = assertThrows(CertificateFileException.class, () -> CertificateFiles.readTrust(dir, PasswordSource.NONE));
    assertTrue(e.getMessage().contains("no certificate in this folder (it is empty)"), e.getMessage());
  }

  @Test
  void pkcs12_asksThePasswordSourceOnlyWhenNeeded() throws Exception {
    int[] asked = {0};
    CertificateFile f = CertificateFiles.read(PKI.resolve("server.p12"), what -> {
      asked[0]++;
      return "tlsprobe-test".toCharArray();
    });
    assertEquals(1, asked[0]);
    assertEquals("PKCS#12", f.format());
    assertEquals(2, f.certificates().size());
    assertTrue(f.certificates().get(0).getSubjectX500Principal().getName().startsWith("CN=sip.example.test"));
    asked[0] = 0;
    CertificateFiles.read(PKI.resolve("server-chain.pem"), what -> {
      asked[0]++;
      return null;
    });
    assertEquals(0, asked[0]);
  }
}
