package org.tlsprobe.diagnose.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.testing.TestPki;

class CertificateOrderTest {
  private final TestPki pki = new TestPki();
  private final TestPki.Ca root = pki.root("CN=Root");
  private final TestPki.Ca issuing = root.issuingCa("CN=Issuing");
  private final X509Certificate leaf = issuing.leaf("a.example.com").build();

  @Test
  void rootFirstBag_isPutLeafFirst() {
    assertEquals(List.of(leaf, issuing.certificate(), root.certificate()),
        CertificateOrder.leafFirst(List.of(root.certificate(), leaf, issuing.certificate())));
  }

  @Test
  void unrelatedCertificate_goesLast() {
    X509Certificate other = pki.root("CN=Other").certificate();
    assertEquals(List.of(leaf, issuing.certificate(), other), CertificateOrder.leafFirst(List.of(issuing.certificate(), other, leaf)));
  }

  @Test
  void leafIndex_isFirstWhenInOrder() {
    assertEquals(0, CertificateOrder.leafIndex(List.of(leaf, issuing.certificate())));
    assertEquals(1, CertificateOrder.leafIndex(List.of(issuing.certificate(), leaf)));
  }
}
