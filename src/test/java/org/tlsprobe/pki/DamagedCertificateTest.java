package org.tlsprobe.pki;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Role;

/**
 * Bad input is data: a certificate with any one byte changed is either refused with a message or read and
 * judged; reading, describing and the rules never throw.
 */
class DamagedCertificateTest {
  @Test
  void everyByteFlipped_isRefusedOrJudged_neverThrown() throws Exception {
    byte[] der = Files.readAllBytes(Path.of("src/test/resources/pki/server.der"));
    TrustAnchors trust = TrustAnchors.of(List.of(), List.of());
    int refused = 0;
    int judged = 0;
    for (int i = 0; i < der.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] bad = der.clone();
        bad[i] ^= (byte) mask;
        CertificateFile f;
        try {
          f = CertificateFiles.parse(Path.of("bad.der"), bad, PasswordSource.NONE);
        } catch (CertificateFileException e) {
          assertTrue(e.getMessage().startsWith("bad.der: "), e.getMessage());
          refused++;
          continue;
        }
        CertificateDescriber.describe(f.certificates());
        ChainDiagnostics.standard().run(new ChainContext(f.certificates(), Role.MTLS, Purpose.SERVER, List.of("sip.example.test"),
            Instant.parse("2030-01-01T00:00:00Z"), trust, 30));
        judged++;
      }
    }
    System.out.printf("%d damaged variants: %d refused with a message, %d read and judged%n", 3 * der.length, refused, judged);
    assertTrue(refused > 0 && judged > 0);
  }

  @Test
  void damagedPkcs7AndPkcs12_areRefusedOrRead_neverThrown() throws Exception {
    for (String name : List.of("server-chain.p7b", "server.p12")) {
      byte[] good = Files.readAllBytes(Path.of("src/test/resources/pki/" + name));
      int refused = 0;
      for (int i = 0; i < good.length; i += 3) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) 0x5a;
        try {
          CertificateFiles.parse(Path.of(name), bad, what -> "tlsprobe-test".toCharArray());
        } catch (CertificateFileException e) {
          refused++;
        }
      }
      System.out.printf("%s: %d damaged variants, %d refused with a message%n", name, (good.length + 2) / 3, refused);
    }
  }
}
