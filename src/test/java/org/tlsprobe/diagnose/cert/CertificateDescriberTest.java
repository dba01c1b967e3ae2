package org.tlsprobe.diagnose.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.testing.TestPki;

class CertificateDescriberTest {
  private final TestPki pki = new TestPki();
  private final TestPki.Ca issuing = pki.root("CN=Root").issuingCa("CN=Issuing,O=Example");

  @Test
  void leaf_isDescribedWithEveryReportField() {
    CertificateDetails d = CertificateDescriber.describe(issuing.leaf("sip.example.com").ip("10.0.0.1").build());
    assertEquals("CN=sip.example.com", d.subject());
    assertEquals("CN=Issuing,O=Example", d.issuer());
    assertEquals(List.of("DNS:sip.example.com", "IP:10.0.0.1"), d.san());
    assertEquals(List.of("serverAuth", "clientAuth"), d.eku());
    assertEquals("RSA 2048", d.key());
    assertEquals("SHA256withRSA", d.signature());
    assertEquals(List.of("http://pki.example.test/crl/issuing.crl"), d.cdp());
    assertEquals(List.of("http://pki.example.test/aia/issuing.crt"), d.aia());
    assertTrue(d.sha256().matches("[0-9A-F]{64}"));
    assertTrue(d.serial().matches("[0-9A-F]+"));
  }

  @Test
  void ecKey_isNamedWithItsSize() {
    assertEquals("EC 256", CertificateDescriber.describe(issuing.leaf("a.example.com").key("EC-secp256r1").build()).key());
  }

  @Test
  void decode_skipsWhatIsNotACertificateAndSaysWhich() throws Exception {
    List<String> problems = new ArrayList<>();
    byte[] good = issuing.certificate().getEncoded();
    var certs = Certificates.decode(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, good), problems);
    assertEquals(1, certs.size());
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("certificate 0 cannot be decoded: "), problems.get(0));
  }
}
