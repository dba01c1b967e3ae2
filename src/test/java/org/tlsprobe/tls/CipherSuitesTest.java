package org.tlsprobe.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CipherSuitesTest {
  @Test
  void knownSuites_ianaNames() {
    assertEquals("TLS_RSA_WITH_RC4_128_MD5", CipherSuites.name(0x0004));
    assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", CipherSuites.name(0xc02f));
    assertEquals("TLS_AES_256_GCM_SHA384", CipherSuites.name(0x1302));
    assertEquals("TLS_CHACHA20_POLY1305_SHA256", CipherSuites.name(0x1303));
    assertEquals("TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", CipherSuites.name(0x0045));
    assertEquals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", CipherSuites.name(0x00ff));
    assertEquals("TLS_RSA_EXPORT1024_WITH_RC4_56_MD5", CipherSuites.name(0x0060));
    assertEquals("SSL_CK_RC4_128_WITH_MD5", CipherSuites.name(0x010080));
  }

  @Test
  void greaseAndUnknown_neverThrow() {
    assertEquals("GREASE", CipherSuites.name(0x0a0a));
    assertEquals("GREASE", CipherSuites.name(0xfafa));
    assertEquals("0x0a1a", CipherSuites.name(0x0a1a));
    assertEquals("0x7777", CipherSuites.name(0x7777));
    assertEquals("0x7f0001", CipherSuites.name(0x7f0001));
    assertFalse(CipherSuites.isKnown(0x7777));
  }

  @Test
  void weakSuites_named() {
    assertEquals(Optional.of("RC4, MD5 MAC"), CipherSuites.weakness(0x0004));
    assertEquals(Optional.of("3DES (64-bit block, Sweet32)"), CipherSuites.weakness(0x000a));
    assertEquals(Optional.of("export-grade, RC4, MD5 MAC"), CipherSuites.weakness(0x0003));
    assertEquals(Optional.of("no encryption (NULL)"), CipherSuites.weakness(0x0002));
    assertTrue(CipherSuites.weakness(0x0034).orElseThrow().contains("anonymous")); // TLS_DH_anon_WITH_AES_128_CBC_SHA
    assertTrue(CipherSuites.isWeak(0x0009)); // DES
    assertTrue(CipherSuites.isWeak(0x0700c0));
  }

  @Test
  void strongSuitesAndSignals_notWeak() {
    assertFalse(CipherSuites.isWeak(0xc02f));
    assertFalse(CipherSuites.isWeak(0x1301));
    assertFalse(CipherSuites.isWeak(0x002f)); // AES-CBC-SHA1: legacy MAC but not broken
    assertFalse(CipherSuites.isWeak(0x00ff));
    assertFalse(CipherSuites.isWeak(0x0a0a));
  }
}
